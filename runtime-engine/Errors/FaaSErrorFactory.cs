using System;
using System.Collections.Generic;

namespace Runtime.Engine.Errors;

/// <summary>Turns exceptions into bounded <see cref="FaaSError"/> reports.</summary>
public static class FaaSErrorFactory
{
    /// <summary>Longest error message kept, in characters.</summary>
    public const int MaxMessageLength = 8 * 1024;

    /// <summary>Most stack frames kept, across the exception and its inner exceptions.</summary>
    public const int MaxFrames = 100;

    /// <summary>Longest frame kept, in characters.</summary>
    public const int MaxFrameLength = 1024;

    /// <summary>Builds the report for <paramref name="exception"/>.</summary>
    public static FaaSError FromException(Exception exception)
    {
        Exception reported = Unwrap(exception);
        string type = reported is IFaaSErrorType typed ? typed.ErrorType : TypeName(reported);
        FaaSErrorCategory category = reported is FaaSRuntimeException ? FaaSErrorCategory.Runtime : FaaSErrorCategory.Function;
        return new FaaSError(type, Truncate(reported.Message, MaxMessageLength), Frames(reported), category);
    }

    /// <summary>Builds a report that has no exception behind it.</summary>
    public static FaaSError Create(string errorType, string message, FaaSErrorCategory category = FaaSErrorCategory.Runtime) =>
        new(errorType, Truncate(message, MaxMessageLength), null, category);

    /// <summary>The type name reported for an exception: its full name, never empty.</summary>
    public static string TypeName(Exception exception)
    {
        Type type = exception.GetType();
        return type.FullName ?? type.Name;
    }

    private static Exception Unwrap(Exception exception)
    {
        // An AggregateException of one is what Task plumbing adds around the user's own exception.
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        return exception;
    }

    private static string[]? Frames(Exception exception)
    {
        List<string>? frames = null;
        Exception? current = exception;
        int depth = 0;
        while (current is not null && depth < 5)
        {
            if (depth > 0)
            {
                Add(ref frames, "--- caused by " + TypeName(current) + ": " + Truncate(current.Message, MaxFrameLength));
            }
            string? trace = current.StackTrace;
            if (trace is not null)
            {
                foreach (Range range in trace.AsSpan().Split('\n'))
                {
                    ReadOnlySpan<char> line = trace.AsSpan(range).Trim();
                    if (line.Length > 0 && !Add(ref frames, Truncate(line.ToString(), MaxFrameLength)))
                    {
                        return frames!.ToArray();
                    }
                }
            }
            current = current.InnerException;
            depth++;
        }
        return frames?.ToArray();
    }

    private static bool Add(ref List<string>? frames, string frame)
    {
        frames ??= new List<string>();
        if (frames.Count >= MaxFrames)
        {
            return false;
        }
        frames.Add(frame);
        return true;
    }

    private static string Truncate(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 15), "... (truncated)");
}
