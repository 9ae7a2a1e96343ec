using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Runtime.Floor;

/// <summary>
/// The floor: a runtime that does the job and nothing else, on every platform the bootstrap supports. On a poll
/// platform (AWS, SCF, Huawei event functions) it reads the runtime API address, opens one keep-alive connection, and
/// forever polls for the next event and posts the event bytes back as the response, with blocking socket calls on the
/// main thread. On a server platform (Alibaba FC, Azure custom handler, Cloud Run, Tencent web and Huawei HTTP
/// functions) it listens on the platform's port and answers every request with 200 and the request body
/// (<see cref="EchoServer"/>). No thread pool, no async, no Pipelines, no DI, no logging, no JSON.
/// Any failure is an unhandled exception (its message on stderr, non-zero exit); SIGTERM exits 0.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        // SIGTERM is how the harness (and a platform with extensions) stops the runtime: exit 0 at once, nothing to close.
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, static _ => Environment.Exit(0));

        // Every serve loop runs until SIGTERM or a failure; none returns. The poll platforms are recognised first, by
        // their runtime API variable, as the bootstrap's platform detection does; then the server platforms by port.
        string? aws = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        string? scfHost = Environment.GetEnvironmentVariable("SCF_RUNTIME_API");
        string? scfPort = Environment.GetEnvironmentVariable("SCF_RUNTIME_API_PORT");
        string? huawei = Environment.GetEnvironmentVariable("RUNTIME_API_ADDR");
        if (!string.IsNullOrEmpty(aws))
        {
            ServeAws(aws);
        }
        else if (!string.IsNullOrEmpty(scfHost) && !string.IsNullOrEmpty(scfPort))
        {
            ServeScf(scfHost + ":" + scfPort);
        }
        else if (!string.IsNullOrEmpty(huawei))
        {
            ServeHuawei(huawei);
        }
        else
        {
            EchoServer.Run();
        }

        throw new InvalidOperationException("floor: the serve loop returned");
    }

    /// <summary>AWS Lambda Runtime API (protocols.md §1.2-1.4): the request id goes in the path, the invocation id is echoed.</summary>
    private static void ServeAws(string authority)
    {
        var connection = new RuntimeApiConnection(authority, "Lambda-Runtime-Aws-Request-Id"u8, "Lambda-Runtime-Invocation-Id"u8);
        byte[] next = Encoding.ASCII.GetBytes("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
        byte[] responseRest = Encoding.ASCII.GetBytes("/response HTTP/1.1\r\nHost: " + authority + "\r\n");
        while (true)
        {
            connection.Send(next);
            connection.ReadResponse();
            connection.ExpectStatus(200, "GET /runtime/invocation/next");
            ReadOnlySpan<byte> requestId = connection.RequestId;
            if (!IsUnreserved(requestId))
            {
                // Nothing to answer on: the path needs the id, and an odd one would need escaping the floor does not do.
                throw new InvalidOperationException("floor: /next sent a missing or unusual Lambda-Runtime-Aws-Request-Id");
            }

            connection.Append("POST /2018-06-01/runtime/invocation/"u8);
            connection.Append(requestId);
            connection.Append(responseRest);
            ReadOnlySpan<byte> invocationId = connection.InvocationId;
            if (!invocationId.IsEmpty)
            {
                // Echoed unchanged when present (protocols.md §1.3).
                connection.Append("Lambda-Runtime-Invocation-Id: "u8);
                connection.Append(invocationId);
                connection.Append("\r\n"u8);
            }

            connection.AppendBody(connection.Body);
            connection.SendAppended();
            connection.ReadResponse();

            // 202 is the answer; 410 means the invocation timed out meanwhile: drop the result and poll again (§1.2).
            if (connection.StatusCode != 410)
            {
                connection.ExpectSuccess("POST /runtime/invocation/{id}/response");
            }
        }
    }

    /// <summary>Tencent SCF custom runtime (protocols.md §2): init/ready once, then fixed paths with no id.</summary>
    private static void ServeScf(string authority)
    {
        var connection = new RuntimeApiConnection(authority, default, default);
        string host = "Host: " + authority + "\r\n";
        connection.Send(Encoding.ASCII.GetBytes("POST /runtime/init/ready HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n"));
        connection.ReadResponse();
        connection.ExpectSuccess("POST /runtime/init/ready");

        byte[] next = Encoding.ASCII.GetBytes("GET /runtime/invocation/next HTTP/1.1\r\n" + host + "\r\n");
        byte[] response = Encoding.ASCII.GetBytes("POST /runtime/invocation/response HTTP/1.1\r\n" + host);
        while (true)
        {
            connection.Send(next);
            connection.ReadResponse();
            connection.ExpectStatus(200, "GET /runtime/invocation/next");
            connection.Append(response);
            connection.AppendBody(connection.Body);
            connection.SendAppended();
            connection.ReadResponse();
            connection.ExpectSuccess("POST /runtime/invocation/response");
        }
    }

    /// <summary>
    /// Huawei FunctionGraph custom runtime (protocols.md §4): the request id comes in <c>X-Cff-Request-Id</c> and goes in
    /// the path of the answer; results are answered with 200.
    /// </summary>
    private static void ServeHuawei(string authority)
    {
        var connection = new RuntimeApiConnection(authority, "X-Cff-Request-Id"u8, default);
        byte[] next = Encoding.ASCII.GetBytes("GET /v1/runtime/invocation/request HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
        byte[] responseRest = Encoding.ASCII.GetBytes(" HTTP/1.1\r\nHost: " + authority + "\r\n");
        while (true)
        {
            connection.Send(next);
            connection.ReadResponse();
            connection.ExpectStatus(200, "GET /v1/runtime/invocation/request");
            ReadOnlySpan<byte> requestId = connection.RequestId;
            if (!IsUnreserved(requestId))
            {
                // As on AWS: the id goes in the path as it is, so an odd one is not something the floor answers.
                throw new InvalidOperationException("floor: the event came with a missing or unusual X-Cff-Request-Id");
            }

            connection.Append("POST /v1/runtime/invocation/response/"u8);
            connection.Append(requestId);
            connection.Append(responseRest);
            connection.AppendBody(connection.Body);
            connection.SendAppended();
            connection.ReadResponse();
            connection.ExpectSuccess("POST /v1/runtime/invocation/response/{id}");
        }
    }

    /// <summary>RFC 3986 unreserved characters only (a UUID is), so the id can go in the path as it is.</summary>
    private static bool IsUnreserved(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (byte b in value)
        {
            bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
