using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Runtime.Floor;

/// <summary>
/// The server floor: listens on the platform's port and serves each connection on its own thread with blocking calls
/// (<see cref="EchoConnection"/>). The port is <c>FAAS_PORT</c>, else the platform's variable (<c>FC_CUSTOM_LISTEN_PORT</c>,
/// <c>FC_SERVER_PORT</c>, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, <c>PORT</c>), the address <c>FAAS_BIND_ADDRESS</c> (default
/// 127.0.0.1: the floor is only ever called by an emulator on loopback).
/// </summary>
internal static class EchoServer
{
    private static readonly string[] s_portVariables =
    {
        "FAAS_PORT", "FC_CUSTOM_LISTEN_PORT", "FC_SERVER_PORT", "FUNCTIONS_CUSTOMHANDLER_PORT", "PORT",
    };

    /// <summary>Binds, listens and accepts until SIGTERM; never returns.</summary>
    public static void Run()
    {
        int port = Port();
        string? bind = Environment.GetEnvironmentVariable("FAAS_BIND_ADDRESS");
        IPAddress address = string.IsNullOrEmpty(bind) ? IPAddress.Loopback : IPAddress.Parse(bind);
        EchoMode mode = Mode();

        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, port));
        listener.Listen();
        while (true)
        {
            Socket socket = listener.Accept();
            socket.NoDelay = true;

            // One thread per connection: an idle kept-alive connection never holds up the next one.
            var connection = new EchoConnection(socket, mode);
            new Thread(connection.Run) { IsBackground = true }.Start();
        }
    }

    private static int Port()
    {
        foreach (string variable in s_portVariables)
        {
            string? text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException("floor: " + variable + "='" + text + "' is not a port number");
            }

            return port;
        }

        throw new InvalidOperationException(
            "floor: set AWS_LAMBDA_RUNTIME_API, SCF_RUNTIME_API and SCF_RUNTIME_API_PORT, RUNTIME_API_ADDR, or a port: " + string.Join(", ", s_portVariables));
    }

    /// <summary>FC and Azure are recognised by the variables only they set, as the bootstrap recognises them.</summary>
    private static EchoMode Mode()
    {
        if (IsSet("FC_FUNCTION_NAME") || IsSet("FC_CUSTOM_LISTEN_PORT") || IsSet("FC_SERVER_PORT"))
        {
            return EchoMode.Fc;
        }

        return IsSet("FUNCTIONS_CUSTOMHANDLER_PORT") ? EchoMode.Azure : EchoMode.Plain;
    }

    private static bool IsSet(string variable) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable));
}
