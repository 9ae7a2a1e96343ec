using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;
using Canonical = Runtime.Light.Tests.Triggers.TriggerShapeRoundTripTests.Canonical;

namespace Runtime.Light.Tests.Triggers;

/// <summary>
/// Property tests (CsCheck) for the trigger normalisers' round trips. Requests: a generated HTTP request is written
/// as each cloud's event (<see cref="TriggerShapeRoundTripTests.Build"/>, from the documented fields), decoded, and
/// compared, allowing only what the shape itself loses. Responses: a generated response is encoded in each shape,
/// read back the way the platform documents it, and compared the same way. Generated text stays inside what each
/// shape can carry (no commas in values the shape joins with commas; paths without '%', '+', '?', '#' or dot segments).
/// </summary>
public sealed class TriggerRoundTripPropertyTests
{
    private const int Iterations = 1000;

    private static readonly Gen<string> s_text = Gen.String[Gen.Char["abcXYZ0189 -_.~=&/:;!*'()@$é中ü\"\\"], 0, 8];

    /// <summary>No "." or ".." segments: the Azure host's URL comes from ASP.NET Core, which has removed them already.</summary>
    private static readonly Gen<string> s_segment = Gen.String[Gen.Char["abcdXYZ0189-._~éü中 "], 1, 6].Where(s => s is not ("." or ".."));

    private static readonly Gen<(string, string)[]> s_query = Gen.Select(Gen.OneOf("a", "b", "q_1", "Z", "é"), s_text)
        .Array[0, 5];

    private static readonly Gen<(string, string)[]> s_headers = Gen.Select(Gen.OneOf("accept", "x-a", "x-multi", "x-é"),
        Gen.String[Gen.Char["abcXYZ0189-_./:;=()é"], 0, 8]).Array[0, 5];

    private static readonly Gen<Canonical> s_request =
        from method in Gen.OneOf("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
        from segments in s_segment.Array[0, 4]
        from query in s_query
        from headers in s_headers
        from cookieCount in Gen.Int[0, 3]
        from cookieValues in Gen.String[Gen.Char["abc019-_"], 0, 5].Array[3]
        from binary in Gen.Bool
        from body in binary ? Gen.Byte.Array[0, 64] : Gen.String[Gen.Char.AlphaNumeric, 0, 40].Select(Encoding.UTF8.GetBytes)
        from textType in Gen.OneOf<string?>("text/plain", "application/json", null)
        select new Canonical(method, "/" + string.Join("/", segments), query,
            headers.Concat(binary ? new[] { ("content-type", "application/octet-stream") }
                : textType is null ? Array.Empty<(string, string)>() : new[] { ("content-type", textType) }).ToArray(),
            Enumerable.Range(0, cookieCount).Select(i => "c" + i + "=" + cookieValues[i]).ToArray(), body, binary);

    public static IEnumerable<object[]> Shapes() => TriggerShapeRoundTripTests.Shapes.Select(shape => new object[] { shape });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Decode_AnyRequestWrittenAsTheShapesEvent_GivesTheSameRequest(string shape)
    {
        s_request.Sample(request =>
        {
            TriggerShapeRoundTripTests.AssertDecodesToTheSameRequest(shape, request);
        }, iter: Iterations);
    }

    private sealed record Response(int Status, (string Name, string[] Values)[] Headers, string[] Cookies, string? ContentType, byte[] Body);

    private static readonly Gen<Response> s_response =
        from status in Gen.Int[100, 599]
        from names in Gen.OneOf("x-a", "Vary", "x-é", "Cache-Control", "ETag").Array[0, 4]
        from values in Gen.String[Gen.Char["abcXYZ0189 -_./:;=()é\"\\"], 0, 8].Array[1, 3].Array[4]
        from cookies in Gen.String[Gen.Char["abc019=;-_ "], 1, 10].Array[0, 3]
        from contentType in Gen.OneOf<string?>("text/plain; charset=utf-8", "application/json", "image/png", "application/octet-stream", null)
        from binaryBytes in Gen.Bool
        from body in binaryBytes ? Gen.Byte.Array[0, 64] : Gen.String[Gen.Char.AlphaNumeric, 0, 40].Select(Encoding.UTF8.GetBytes)
        select new Response(status, names.Distinct(StringComparer.OrdinalIgnoreCase).Select((n, i) => (n, values[i])).ToArray(), cookies,
            contentType, body);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Encode_AnyResponse_ReadsBackAsTheShapeDocumentsIt(string shape)
    {
        (IHttpEventCodec codec, System.Text.Json.Nodes.JsonObject json, _) = TriggerShapeRoundTripTests.Build(shape,
            new Canonical("GET", "/", Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), Array.Empty<string>(), Array.Empty<byte>(), false));
        Assert.True(codec.TryDecode(Encoding.UTF8.GetBytes(json.ToJsonString()), out FaaSRequest? request));

        s_response.Sample(expected =>
        {
            using var body = new PooledBufferWriter();
            FaaSResponse response = AwsHttpCodecTests.Response(body);
            response.StatusCode = expected.Status;
            foreach ((string name, string[] values) in expected.Headers)
            {
                foreach (string value in values)
                {
                    response.Headers.Add(name, value);
                }
            }
            response.Cookies.AddRange(expected.Cookies);
            response.ContentType = expected.ContentType;
            response.Write(expected.Body);
            using var output = new PooledBufferWriter();
            codec.Encode(request!, response, output);
            using JsonDocument document = JsonDocument.Parse(output.WrittenMemory);

            AssertReadsBack(shape, request!, response, expected, document.RootElement);
        }, iter: Iterations);
    }

    /// <summary>Reads the answer as the platform does and compares it with what was written, less what the shape drops.</summary>
    private static void AssertReadsBack(string shape, FaaSRequest request, FaaSResponse response, Response expected, JsonElement answer)
    {
        bool azure = shape == "azure";
        JsonElement root = azure ? answer.GetProperty("Outputs").GetProperty("res") : answer;
        if (azure)
        {
            Assert.Equal(root.GetRawText(), answer.GetProperty("ReturnValue").GetRawText());
        }
        Assert.Equal(expected.Status, root.GetProperty("statusCode").GetInt32());

        bool text = TriggerJson.IsTextual(expected.ContentType) && System.Text.Unicode.Utf8.IsValid(expected.Body);
        string bodyField = root.GetProperty("body").GetString()!;
        byte[] bodyBytes = text ? Encoding.UTF8.GetBytes(bodyField) : Convert.FromBase64String(bodyField);
        Assert.Equal(expected.Body, bodyBytes);
        if (!azure)
        {
            Assert.Equal(!text, root.GetProperty("isBase64Encoded").GetBoolean()); // Azure's payload has no flag (see AzureHttpCodec)
        }

        // Headers as the platform reads them: every value (multi-value maps), joined with commas, or the last one.
        bool multi = shape is "apigw-v1" || (shape == "alb-multi");
        bool lastOnly = shape == "alb-single";
        JsonElement headers = root.GetProperty(multi ? "multiValueHeaders" : "headers");
        foreach (string name in response.Headers.Names)
        {
            IReadOnlyList<string> values = response.Headers.GetValues(name);
            JsonElement field = headers.GetProperty(name);
            if (multi)
            {
                Assert.Equal(values, field.EnumerateArray().Select(v => v.GetString()!).ToArray());
            }
            else
            {
                Assert.Equal(lastOnly ? values[^1] : string.Join(",", values), field.GetString());
            }
        }

        // Set-Cookie: its own array (2.0 "cookies", multi-value maps), an array when several (FC, Tencent, Huawei), or the last one.
        string[] cookies = shape switch
        {
            "apigw-v2" or "function-url" => root.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()!).ToArray(),
            _ => !headers.TryGetProperty("Set-Cookie", out JsonElement set) ? Array.Empty<string>()
                : set.ValueKind == JsonValueKind.Array ? set.EnumerateArray().Select(c => c.GetString()!).ToArray()
                : new[] { set.GetString()! },
        };
        bool lastCookieOnly = shape is "alb-single" or "azure";
        Assert.Equal(lastCookieOnly ? expected.Cookies.TakeLast(1).ToArray() : expected.Cookies, cookies);
        Assert.NotNull(request);
    }
}
