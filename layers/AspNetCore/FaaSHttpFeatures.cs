using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Runtime.Engine;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// One invocation as ASP.NET Core sees it: the feature collection handed to <c>IHttpApplication.CreateContext</c>.
/// Like Kestrel's connection object it is itself every feature the pipeline needs (request, response, response body,
/// body detection, connection, request id, lifetime, body control), so an invocation costs one object here; a feature
/// the app sets replaces the built-in one, and any other feature goes in a small dictionary. Request values come from
/// <see cref="FaaSRequest"/>; the response body goes straight into <see cref="FaaSResponse"/>, and status and headers
/// are copied there when the app is done (<see cref="FinishAsync"/>). Valid for one invocation; not thread-safe, like
/// any server's per-request state.
/// </summary>
internal sealed partial class FaaSHttpFeatures : IFeatureCollection
{
    private static readonly Type[] s_knownTypes =
    {
        typeof(IHttpRequestFeature), typeof(IHttpResponseFeature), typeof(IHttpResponseBodyFeature),
        typeof(IHttpRequestBodyDetectionFeature), typeof(IHttpConnectionFeature), typeof(IHttpRequestIdentifierFeature),
        typeof(IHttpRequestLifetimeFeature), typeof(IHttpBodyControlFeature),
    };

    private readonly FaaSContext _context;
    private readonly FaaSRequest _request;
    private readonly FaaSResponse _response;

    // The current feature of each built-in type: this object, or what the app replaced it with.
    private object? _requestFeature;
    private object? _responseFeature;
    private object? _responseBodyFeature;
    private object? _bodyDetectionFeature;
    private object? _connectionFeature;
    private object? _identifierFeature;
    private object? _lifetimeFeature;
    private object? _bodyControlFeature;
    private Dictionary<Type, object>? _others;
    private int _revision;

    public FaaSHttpFeatures(FaaSContext context, FaaSRequest request, FaaSResponse response, FaaSServerOptions options, string? pathBase)
    {
        _context = context;
        _request = request;
        _response = response;
        _requestFeature = this;
        _responseFeature = this;
        _responseBodyFeature = this;
        _bodyDetectionFeature = this;
        _connectionFeature = this;
        _identifierFeature = this;
        _lifetimeFeature = this;
        _bodyControlFeature = this;
        _requestHeaders = RequestHeaders(request);
        _method = request.Method;
        _scheme = Scheme(_requestHeaders, options.DefaultScheme);
        (_pathBase, _path) = SplitPath(request.Path, pathBase);
        _queryString = QueryString(request);
        _discardBody = string.Equals(request.Method, "HEAD", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public int Revision => _revision;

    /// <inheritdoc />
    public object? this[Type key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            ref object? slot = ref KnownSlot(key);
            if (!Unsafe.IsNullRef(ref slot))
            {
                return slot;
            }
            return _others is not null && _others.TryGetValue(key, out object? value) ? value : null;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            _revision++;
            ref object? slot = ref KnownSlot(key);
            if (!Unsafe.IsNullRef(ref slot))
            {
                slot = value;
            }
            else if (value is null)
            {
                _others?.Remove(key);
            }
            else
            {
                (_others ??= new Dictionary<Type, object>(4))[key] = value;
            }
        }
    }

    /// <inheritdoc />
    public TFeature? Get<TFeature>() => this[typeof(TFeature)] is TFeature feature ? feature : default;

    /// <inheritdoc />
    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator()
    {
        foreach (Type type in s_knownTypes)
        {
            if (KnownSlot(type) is { } feature)
            {
                yield return new KeyValuePair<Type, object>(type, feature);
            }
        }
        if (_others is not null)
        {
            foreach (KeyValuePair<Type, object> pair in _others)
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ref object? KnownSlot(Type key)
    {
        if (key == typeof(IHttpRequestFeature))
        {
            return ref _requestFeature;
        }
        if (key == typeof(IHttpResponseFeature))
        {
            return ref _responseFeature;
        }
        if (key == typeof(IHttpResponseBodyFeature))
        {
            return ref _responseBodyFeature;
        }
        if (key == typeof(IHttpRequestBodyDetectionFeature))
        {
            return ref _bodyDetectionFeature;
        }
        if (key == typeof(IHttpConnectionFeature))
        {
            return ref _connectionFeature;
        }
        if (key == typeof(IHttpRequestIdentifierFeature))
        {
            return ref _identifierFeature;
        }
        if (key == typeof(IHttpRequestLifetimeFeature))
        {
            return ref _lifetimeFeature;
        }
        if (key == typeof(IHttpBodyControlFeature))
        {
            return ref _bodyControlFeature;
        }
        return ref Unsafe.NullRef<object?>();
    }

    /// <summary>Returns what the invocation borrowed (the response writer's buffer, the abort token source).</summary>
    public void Release()
    {
        _writer?.Release();
        _abortSource?.Dispose();
    }

    /// <summary>Logs a failure that cannot be reported because the invocation already reports an earlier one.</summary>
    public void LogLaterFailure(Exception exception) =>
        _context.Logger.Error(exception, "An OnCompleted callback of the ASP.NET Core app failed after the request had failed");
}
