using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Requests written and responses received by a caller, in order.</summary>
internal sealed class ExchangeJournal
{
    private readonly object _gate = new();
    private readonly List<SentRequest> _requests = new();
    private readonly List<ReceivedResponse> _responses = new();
    private readonly bool _enabled;

    public ExchangeJournal(bool enabled) => _enabled = enabled;

    public void Add(SentRequest request)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public void Add(ReceivedResponse response)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            _responses.Add(response);
        }
    }

    public IReadOnlyList<SentRequest> Requests()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public IReadOnlyList<ReceivedResponse> Responses()
    {
        lock (_gate)
        {
            return _responses.ToArray();
        }
    }
}
