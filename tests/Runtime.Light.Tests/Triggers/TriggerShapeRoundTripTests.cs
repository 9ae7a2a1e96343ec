using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

/// <summary>
/// One canonical request, written in each trigger shape the way its documented field list says (repeated query keys
/// and headers, cookies, empty / text / binary bodies, base64 flags), decoded by the platform's codec, and compared
/// with the original, allowing only what the shape itself loses (for example duplicates joined with commas).
/// </summary>
public sealed class TriggerShapeRoundTripTests
{
    public sealed record Canonical(string Method, string Path, (string Name, string Value)[] Query, (string Name, string Value)[] Headers,
        string[] Cookies, byte[] Body, bool Binary);

    private static readonly Canonical[] s_requests =
    {
        new("GET", "/orders", new[] { ("a", "1"), ("a", "2"), ("b", "x y") }, new[] { ("accept", "text/html"), ("x-multi", "p"), ("x-multi", "q") },
            new[] { "s=1", "t=2" }, Array.Empty<byte>(), false),
        new("POST", "/orders/42", new[] { ("q", "héllo") }, new[] { ("content-type", "application/json") },
            Array.Empty<string>(), Encoding.UTF8.GetBytes("{\"n\":1,\"text\":\"ünï\"}"), false),
        new("PUT", "/blob", Array.Empty<(string, string)>(), new[] { ("content-type", "application/octet-stream") },
            Array.Empty<string>(), new byte[] { 0, 1, 2, 0xFE, 0xFF }, true),
    };

    public static IEnumerable<object[]> Cases()
    {
        foreach (string shape in Shapes)
        {
            for (int i = 0; i < s_requests.Length; i++)
            {
                yield return new object[] { shape, i };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EventBuiltFromTheDocumentedFields_GivesTheSameRequest(string shape, int index) =>
        AssertDecodesToTheSameRequest(shape, s_requests[index]);

    /// <summary>The shapes <see cref="Build"/> writes.</summary>
    internal static readonly string[] Shapes =
        { "apigw-v1", "apigw-v2", "function-url", "alb-single", "alb-multi", "fc3", "alibaba-apigw", "tencent-apigw", "huawei-apig", "azure" };

    /// <summary>Writes <paramref name="canonical"/> as a <paramref name="shape"/> event, decodes it and compares (also used by the property tests).</summary>
    internal static void AssertDecodesToTheSameRequest(string shape, Canonical canonical)
    {
        (IHttpEventCodec codec, JsonObject json, Lossy lossy) = Build(shape, canonical);
        byte[] payload = Encoding.UTF8.GetBytes(json.ToJsonString());

        Assert.True(codec.TryDecode(payload, out FaaSRequest? request), shape);

        Assert.Equal(canonical.Method, request!.Method);
        Assert.Equal(canonical.Path, request.Path);
        Assert.Equal(canonical.Body, request.Body.ToArray());
        foreach (IGrouping<string, (string Name, string Value)> group in canonical.Query.GroupBy(q => q.Name))
        {
            string[] expected = group.Select(q => q.Value).ToArray();
            Assert.Equal(Expect(lossy.JoinsQuery, lossy.LastOnly, expected), request.Query.GetValues(group.Key));
        }
        foreach (IGrouping<string, (string Name, string Value)> group in canonical.Headers.GroupBy(h => h.Name))
        {
            string[] expected = group.Select(h => h.Value).ToArray();
            Assert.Equal(Expect(lossy.JoinsHeaders, lossy.LastOnly, expected), request.Headers.GetValues(group.Key));
        }
        foreach (string cookie in canonical.Cookies)
        {
            string[] pair = cookie.Split('=');
            Assert.Equal(pair[1], request.Cookies[pair[0]]);
        }
    }

    private static string[] Expect(bool joins, bool lastOnly, string[] values) =>
        lastOnly ? new[] { values[^1] } : joins ? new[] { string.Join(",", values) } : values;

    internal readonly record struct Lossy(bool JoinsQuery, bool JoinsHeaders, bool LastOnly = false);

    internal static (IHttpEventCodec, JsonObject, Lossy) Build(string shape, Canonical r)
    {
        string rawQuery = string.Join("&", r.Query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        var headers = r.Headers.ToList();
        if (r.Cookies.Length > 0 && shape is not ("apigw-v2" or "function-url"))
        {
            headers.Add(("cookie", string.Join("; ", r.Cookies)));
        }
        string? body = r.Body.Length == 0 ? null : r.Binary ? Convert.ToBase64String(r.Body) : Encoding.UTF8.GetString(r.Body);
        switch (shape)
        {
            case "apigw-v1":
                return (new AwsHttpCodec(), new JsonObject
                {
                    ["resource"] = "/{proxy+}", ["path"] = r.Path, ["httpMethod"] = r.Method,
                    ["headers"] = Last(headers), ["multiValueHeaders"] = Multi(headers),
                    ["queryStringParameters"] = Last(r.Query), ["multiValueQueryStringParameters"] = Multi(r.Query),
                    ["requestContext"] = new JsonObject { ["resourceId"] = "abc", ["identity"] = new JsonObject { ["sourceIp"] = "192.0.2.1" } },
                    ["body"] = body, ["isBase64Encoded"] = r.Binary,
                }, new Lossy(false, false));
            case "apigw-v2":
            case "function-url":
                var v2 = new JsonObject
                {
                    ["version"] = "2.0", ["routeKey"] = shape == "apigw-v2" ? "ANY /{proxy+}" : "$default", ["rawPath"] = r.Path,
                    ["rawQueryString"] = rawQuery, ["headers"] = Joined(headers), ["queryStringParameters"] = Joined(r.Query),
                    ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = r.Method, ["path"] = r.Path, ["sourceIp"] = "192.0.2.1" } },
                    ["isBase64Encoded"] = r.Binary,
                };
                if (r.Cookies.Length > 0)
                {
                    v2["cookies"] = new JsonArray(r.Cookies.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
                }
                if (body is not null)
                {
                    v2["body"] = body;
                }
                return (new AwsHttpCodec(), v2, new Lossy(false, true));
            case "alb-single":
                return (new AwsHttpCodec(), new JsonObject
                {
                    ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn" } },
                    ["httpMethod"] = r.Method, ["path"] = r.Path,
                    ["queryStringParameters"] = Escaped(Last(r.Query)), ["headers"] = Last(headers),
                    ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                }, new Lossy(false, false, LastOnly: true)); // single-value mode keeps one value per name (ALB's own rule)
            case "alb-multi":
                return (new AwsHttpCodec(), new JsonObject
                {
                    ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn" } },
                    ["httpMethod"] = r.Method, ["path"] = r.Path,
                    ["multiValueQueryStringParameters"] = Escaped(Multi(r.Query)), ["multiValueHeaders"] = Multi(headers),
                    ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                }, new Lossy(false, false));
            case "fc3":
                return (new AlibabaHttpCodec(), new JsonObject
                {
                    ["version"] = "v1", ["rawPath"] = r.Path, ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                    ["headers"] = Joined(headers), ["queryParameters"] = Joined(r.Query),
                    ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = r.Method, ["path"] = r.Path, ["sourceIp"] = "192.0.2.1" } },
                }, new Lossy(true, true));
            case "alibaba-apigw":
                return (new AlibabaHttpCodec(), new JsonObject
                {
                    ["httpMethod"] = r.Method, ["path"] = r.Path, ["headers"] = Joined(headers), ["queryParameters"] = Joined(r.Query),
                    ["pathParameters"] = new JsonObject(), ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                }, new Lossy(true, true));
            case "tencent-apigw":
                var query = new JsonObject();
                foreach (IGrouping<string, (string Name, string Value)> g in r.Query.GroupBy(q => q.Name))
                {
                    query[g.Key] = g.Count() == 1 ? JsonValue.Create(g.First().Value) : new JsonArray(g.Select(q => (JsonNode?)JsonValue.Create(q.Value)).ToArray());
                }
                return (new TencentHttpCodec(), new JsonObject
                {
                    ["httpMethod"] = r.Method, ["path"] = r.Path, ["headers"] = Joined(headers), ["queryString"] = query,
                    ["requestContext"] = new JsonObject { ["serviceId"] = "service-1", ["httpMethod"] = "ANY", ["sourceIp"] = "192.0.2.1" },
                    ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                }, new Lossy(false, true));
            case "huawei-apig":
                return (new HuaweiApigCodec(), new JsonObject
                {
                    ["httpMethod"] = r.Method, ["path"] = r.Path, ["headers"] = Joined(headers), ["queryStringParameters"] = Joined(r.Query),
                    ["requestContext"] = new JsonObject { ["apiId"] = "api-1", ["requestId"] = "r-1", ["stage"] = "RELEASE" },
                    ["body"] = body ?? "", ["isBase64Encoded"] = r.Binary,
                }, new Lossy(true, true));
            case "azure":
                // The host sends the request's display URL: the path percent-encoded (a space as %20).
                var headerArrays = Multi(headers);
                return (new AzureHttpCodec(), new JsonObject
                {
                    ["Data"] = new JsonObject
                    {
                        ["req"] = new JsonObject
                        {
                            ["Url"] = "http://localhost:7071" + string.Join("/", r.Path.Split('/').Select(Uri.EscapeDataString)) + (rawQuery.Length > 0 ? "?" + rawQuery : ""), ["Method"] = r.Method,
                            ["Query"] = Joined(r.Query), ["Headers"] = headerArrays, ["Params"] = new JsonObject(), ["Body"] = body,
                        },
                    },
                    ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = "fn" } },
                }, new Lossy(false, false));
            default:
                throw new ArgumentOutOfRangeException(nameof(shape));
        }
    }

    private static JsonObject Last(IEnumerable<(string Name, string Value)> pairs)
    {
        var json = new JsonObject();
        foreach ((string name, string value) in pairs)
        {
            json[name] = value;
        }
        return json;
    }

    private static JsonObject Joined(IEnumerable<(string Name, string Value)> pairs)
    {
        var json = new JsonObject();
        foreach (IGrouping<string, (string Name, string Value)> g in pairs.GroupBy(p => p.Name))
        {
            json[g.Key] = string.Join(",", g.Select(p => p.Value));
        }
        return json;
    }

    private static JsonObject Multi(IEnumerable<(string Name, string Value)> pairs)
    {
        var json = new JsonObject();
        foreach (IGrouping<string, (string Name, string Value)> g in pairs.GroupBy(p => p.Name))
        {
            json[g.Key] = new JsonArray(g.Select(p => (JsonNode?)JsonValue.Create(p.Value)).ToArray());
        }
        return json;
    }

    /// <summary>ALB passes query names and values as the client sent them, still percent-encoded.</summary>
    private static JsonObject Escaped(JsonObject map)
    {
        var json = new JsonObject();
        foreach ((string key, JsonNode? value) in map)
        {
            json[Uri.EscapeDataString(key)] = value is JsonArray array
                ? new JsonArray(array.Select(v => (JsonNode?)JsonValue.Create(Uri.EscapeDataString(v!.GetValue<string>()))).ToArray())
                : JsonValue.Create(Uri.EscapeDataString(value!.GetValue<string>()));
        }
        return json;
    }
}
