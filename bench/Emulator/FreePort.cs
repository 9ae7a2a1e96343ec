using System.Net;
using System.Net.Sockets;

namespace Runtime.Emulator;

/// <summary>Picks a TCP port that is free on 127.0.0.1 right now (bind to port 0, read it, release it).</summary>
internal static class FreePort
{
    public static int Pick()
    {
        // Bound but never listening, so closing it leaves no TIME_WAIT entry: the bootstrap can bind it at once.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
