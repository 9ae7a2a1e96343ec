using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The response side. The body is written into the invocation's <see cref="Runtime.Engine.Http.FaaSResponse"/> as the
/// app writes it; nothing reaches the platform before the invocation ends, so "started" only fixes status and headers
/// (Kestrel's rules: OnStarting callbacks, last registered first, on the first asynchronous write or flush, or at the
/// end; then status and headers are read-only).
/// </summary>
internal sealed partial class FaaSHttpFeatures : IHttpResponseFeature, IHttpResponseBodyFeature
{
    private IHeaderDictionary _responseHeaders = new HeaderDictionary();
    private readonly bool _discardBody;
    private int _statusCode = StatusCodes.Status200OK;
    private string? _reasonPhrase;
    private Stream? _responseStream;
    private ResponseBodyPipeWriter? _writer;
    private Stack<KeyValuePair<Func<object, Task>, object>>? _onStarting;
    private Stack<KeyValuePair<Func<object, Task>, object>>? _onCompleted;
    private bool _starting;
    private bool _started;
    private bool _completed;
    private long _written;

    int IHttpResponseFeature.StatusCode
    {
        get => _statusCode;
        set
        {
            if (_started)
            {
                throw new InvalidOperationException("StatusCode cannot be set because the response has already started.");
            }
            _statusCode = value;
        }
    }

    string? IHttpResponseFeature.ReasonPhrase { get => _reasonPhrase; set => _reasonPhrase = value; }

    IHeaderDictionary IHttpResponseFeature.Headers
    {
        get => _responseHeaders;
        set => _responseHeaders = value ?? throw new ArgumentNullException(nameof(value));
    }

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
    Stream IHttpResponseFeature.Body { get => _responseStream ??= new ResponseBodyStream(this); set => _responseStream = value; }

    bool IHttpResponseFeature.HasStarted => _started;

    Stream IHttpResponseBodyFeature.Stream => _responseStream ??= new ResponseBodyStream(this);

    PipeWriter IHttpResponseBodyFeature.Writer => _writer ??= new ResponseBodyPipeWriter(this);

    /// <summary>Whether synchronous writes are allowed (<see cref="IHttpBodyControlFeature"/>).</summary>
    internal bool AllowSynchronousIO => _allowSynchronousIO;

    void IHttpResponseFeature.OnStarting(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_started)
        {
            throw new InvalidOperationException("OnStarting cannot be set because the response has already started.");
        }
        (_onStarting ??= new Stack<KeyValuePair<Func<object, Task>, object>>(2)).Push(new(callback, state));
    }

    void IHttpResponseFeature.OnCompleted(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        (_onCompleted ??= new Stack<KeyValuePair<Func<object, Task>, object>>(2)).Push(new(callback, state));
    }

    void IHttpResponseBodyFeature.DisableBuffering()
    {
        // Nothing to turn off: the platform takes the response whole when the invocation ends.
    }

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => StartAsync();

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
        SendFileFallback.SendFileAsync(((IHttpResponseBodyFeature)this).Stream, path, offset, count, cancellationToken);

    async Task IHttpResponseBodyFeature.CompleteAsync()
    {
        await StartAsync().ConfigureAwait(false);
        _completed = true;
    }

    /// <summary>Runs the OnStarting callbacks once; status and headers are fixed afterwards.</summary>
    internal Task StartAsync() => _started || _starting ? Task.CompletedTask : StartCoreAsync();

    /// <summary>Appends to the body (HEAD responses count the bytes and keep none, as Kestrel does).</summary>
    internal void WriteBody(ReadOnlySpan<byte> bytes)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The response body is complete; nothing more can be written to it.");
        }
        _written += bytes.Length;
        if (!_discardBody)
        {
            _response.Write(bytes);
        }
    }

    /// <summary>Starts the response if need be, then appends to the body.</summary>
    internal ValueTask WriteBodyAsync(ReadOnlyMemory<byte> bytes)
    {
        if (_started || _starting)
        {
            WriteBody(bytes.Span);
            return default;
        }
        return StartThenWriteAsync(bytes);
    }

    /// <summary>
    /// After the app's pipeline returned: starts the response if the app never did, checks it, and copies status and
    /// headers into the engine's response. Throws when the app aborted the request or wrote a body that does not match
    /// its own Content-Length (Kestrel fails such a response too).
    /// </summary>
    internal async Task FinishAsync()
    {
        await StartAsync().ConfigureAwait(false);
        _completed = true;
        if (_aborted)
        {
            throw new RequestAbortedException();
        }
        if (_responseHeaders.ContentLength is { } declared && declared != _written && CanHaveBody(_statusCode))
        {
            throw new InvalidOperationException(
                $"Response Content-Length mismatch: the app declared {declared} bytes and wrote {_written}.");
        }
        _response.StatusCode = _statusCode;
        foreach (KeyValuePair<string, StringValues> header in _responseHeaders)
        {
            string name = header.Key;
            if (name.Equals(HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                foreach (string? cookie in header.Value)
                {
                    if (cookie is not null)
                    {
                        _response.Cookies.Add(cookie);
                    }
                }
                continue;
            }
            if (IsFraming(name))
            {
                continue;
            }
            foreach (string? value in header.Value)
            {
                if (value is not null)
                {
                    _response.Headers.Add(name, value);
                }
            }
        }
    }

    /// <summary>
    /// Runs every OnCompleted callback, last registered first (they dispose the request's services, among others).
    /// Returns the first failure for the caller to report; later ones are logged, since only one can be reported.
    /// </summary>
    internal async Task<Exception?> FireOnCompletedAsync()
    {
        Stack<KeyValuePair<Func<object, Task>, object>>? callbacks = _onCompleted;
        if (callbacks is null)
        {
            return null;
        }
        Exception? first = null;
        while (callbacks.TryPop(out KeyValuePair<Func<object, Task>, object> callback))
        {
            try
            {
                await callback.Key(callback.Value).ConfigureAwait(false);
            }
            catch (Exception ex) when (first is null)
            {
                first = ex; // reported by the caller as the invocation's error (or logged, if the app failed first)
            }
            catch (Exception ex)
            {
                // The invocation already reports an earlier failure; this one can only be logged.
                _context.Logger.Error(ex, "An OnCompleted callback of the ASP.NET Core app failed after an earlier one had");
            }
        }
        return first;
    }

    private async Task StartCoreAsync()
    {
        _starting = true;
        if (_onStarting is { } callbacks)
        {
            while (callbacks.TryPop(out KeyValuePair<Func<object, Task>, object> callback))
            {
                await callback.Key(callback.Value).ConfigureAwait(false);
            }
        }
        _started = true;
        if (_responseHeaders is HeaderDictionary headers)
        {
            headers.IsReadOnly = true;
        }
    }

    private async ValueTask StartThenWriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await StartCoreAsync().ConfigureAwait(false);
        WriteBody(bytes.Span);
    }

    /// <summary>Whether a body belongs to this response (not to a HEAD request, a 204 or a 304), as Kestrel decides.</summary>
    private bool CanHaveBody(int status) => !_discardBody && status != StatusCodes.Status204NoContent && status != StatusCodes.Status304NotModified;

    /// <summary>Headers that describe the transfer, not the content: the platform frames the whole body itself.</summary>
    private static bool IsFraming(string name) =>
        name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Connection, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.KeepAlive, StringComparison.OrdinalIgnoreCase);
}
