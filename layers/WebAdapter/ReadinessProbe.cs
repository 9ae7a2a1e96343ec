using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// One readiness check, as AWS Lambda Web Adapter makes it: an HTTP GET on the readiness path whose status is in the
/// healthy set, or a TCP connect to the readiness port. Each attempt is bounded, so an app that accepts and never
/// answers cannot stall the check past the overall limit.
/// </summary>
internal sealed class ReadinessProbe
{
    private readonly HttpClient _client;
    private readonly WebAdapterSettings _settings;
    private readonly Uri _uri;

    public ReadinessProbe(HttpClient client, WebAdapterSettings settings)
    {
        _client = client;
        _settings = settings;
        _uri = new Uri("http://127.0.0.1:" + settings.ReadinessPort.ToString(CultureInfo.InvariantCulture) + settings.ReadinessPath);
        Description = settings.ReadinessProtocol == ReadinessProtocol.Http
            ? $"HTTP GET {_uri} answering a healthy status ({settings.HealthyStatus})"
            : $"TCP connect to 127.0.0.1:{settings.ReadinessPort.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>What is checked, for logs and errors.</summary>
    public string Description { get; }

    /// <summary>Makes one attempt of at most <paramref name="limit"/>: null when the app is ready, otherwise what was seen instead.</summary>
    public async ValueTask<string?> CheckOnceAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(limit);
        try
        {
            return _settings.ReadinessProtocol == ReadinessProtocol.Http
                ? await CheckHttpAsync(attempt.Token).ConfigureAwait(false)
                : await CheckTcpAsync(attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // This attempt ran out of time; the caller's overall limit decides whether to try again.
            return $"no answer within {limit.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
        }
        catch (HttpRequestException ex)
        {
            // Not ready yet (typically: connection refused while the app boots); the last one is named in the start error.
            return ex.HttpRequestError == HttpRequestError.ConnectionError ? "could not connect (" + ex.Message + ")" : ex.Message;
        }
        catch (SocketException ex)
        {
            // As above, for the TCP check.
            return "could not connect (" + ex.SocketErrorCode.ToString() + ")";
        }
    }

    private async Task<string?> CheckHttpAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uri) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        // Reading the (small) body lets the connection go back to the pool, warm for the first invocation.
        using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        int status = (int)response.StatusCode;
        return _settings.HealthyStatus.Contains(status) ? null : "status " + status.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string?> CheckTcpAsync(CancellationToken cancellationToken = default)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _settings.ReadinessPort), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
