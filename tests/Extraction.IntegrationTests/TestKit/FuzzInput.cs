using System.Net.Http.Headers;
using System.Text;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>Generators of bad input for <see cref="FuzzTests"/>: every field wrong, missing, huge, badly encoded or nested.</summary>
internal static class FuzzInput
{
    /// <summary>Strings that have broken ids, keys, queries and paths somewhere.</summary>
    private static readonly string[] NastyStrings =
    [
        "", " ", "..", ".", "../acme", "a/b", "a|b", "a#b", "a?b", "a\\b", "x\n", "x\r\n", "\t", "\u0000", "\u0001", "\u007f",
        "' or PartitionKey ne '", "x' and RowKey gt '", "$filter=true", "%2F", "%00", "%0A", "\u202e", "\ud83d\ude00", "é", "中文",
        new string('a', 129), new string('z', 5_000), "null", "true", "-1", "1e309", "NaN", "{}", "[]", "\"quoted\"",
    ];

    private static readonly string[] Fields = ["accountId", "liabilityType", "lender", "asOf", "source", "source.kind", "source.text"];

    public static string Nasty(Random random) => NastyStrings[random.Next(NastyStrings.Length)];

    /// <summary>One batch.v1 line made wrong in one of many ways (some may happen to be valid, which is fine).</summary>
    public static byte[] BadLine(Random random, int index)
    {
        var id = $"bad-{index}";
        switch (random.Next(12))
        {
            case 0:
                return RandomBytes(random, random.Next(1, 200));
            case 1:
                // Invalid UTF-8 inside an otherwise good line.
                var line = Encoding.UTF8.GetBytes(Line(id, "\"auto_loan\"", "{\"kind\":\"statement\",\"text\":\"Payoff amount $1.00 XX\"}"));
                var at = Array.LastIndexOf(line, (byte)'X');
                line[at] = (byte)(0x80 + random.Next(0x40));
                line[at - 1] = random.Next(2) == 0 ? (byte)0xFF : (byte)0xC3;
                return line;
            case 2:
                var depth = random.Next(100, 5_000);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 3:
                return Encoding.UTF8.GetBytes($"{{\"accountId\":\"{id}\",\"source\":{{\"kind\":\"statement\",\"text\":{Nest(random.Next(64, 2_000))}}}}}");
            case 4:
                return Encoding.UTF8.GetBytes(Line(id, "\"auto_loan\"", "{\"kind\":\"statement\",\"text\":\"" + new string('x', random.Next(200_001, 260_000)) + "\"}"));
            case 5:
                return Encoding.UTF8.GetBytes(Line(id, "\"auto_loan\"", "{\"kind\":\"statement\",\"text\":\"" + Nasty(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"}"));
            case 6:
                var json = Line(id, "\"auto_loan\"", "{\"kind\":\"statement\",\"text\":\"ok\"}");
                return Encoding.UTF8.GetBytes(json[..random.Next(1, json.Length)]);
            case 7:
                return Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "[1,2,3]", 1 => "\"text\"", 2 => "42", _ => "null" });
            default:
                // One field of a good line replaced by a value of the wrong type, a nasty string, or dropped.
                var field = Fields[random.Next(Fields.Length)];
                var value = random.Next(5) switch
                {
                    0 => null,
                    1 => "12345",
                    2 => "[\"a\"]",
                    3 => "{\"x\":1}",
                    _ => System.Text.Json.JsonSerializer.Serialize(Nasty(random)),
                };
                return Encoding.UTF8.GetBytes(WithField(id, field, value));
        }
    }

    /// <summary>A request to the served API that is wrong in its target, headers or body.</summary>
    public static HttpRequestMessage BadRequest(Random random, int index)
    {
        var id = Uri.EscapeDataString(Nasty(random));
        var (method, target) = random.Next(9) switch
        {
            0 => (HttpMethod.Get, $"batches/{id}"),
            1 => (HttpMethod.Get, $"batches/{(random.Next(2) == 0 ? id : "paged")}/results?pageSize={Uri.EscapeDataString(PageSize(random))}&continuationToken={Uri.EscapeDataString(Nasty(random))}"),
            2 => (HttpMethod.Post, $"batches/{id}/cancel"),
            3 => (HttpMethod.Get, $"reviews?batchId={id}"),
            4 => (HttpMethod.Post, $"partners/{(random.Next(2) == 0 ? id : "fuzz")}/batches/{id}/accounts/{Uri.EscapeDataString(Nasty(random))}/correction"),
            5 => (HttpMethod.Post, "extract"),
            _ => (HttpMethod.Post, $"batches?batchId={id}"),
        };
        var request = new HttpRequestMessage(method, target);
        // Without a header of its own, a request carries the client's valid partner key.
        switch (random.Next(7))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {Printable(Nasty(random))}");
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Authorization", ["Bearer xk_p_aaaaaaaaaa_" + new string('A', 40), "Basic Zm9vOmJhcg=="]);
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("x-partner-id", ["fuzz", "acme"]);
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("x-partner-id", Printable(Nasty(random)));
                break;
            default:
                request.Headers.Add("x-partner-id", "fuzz");
                break;
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Printable(Nasty(random)));
        }

        if (method == HttpMethod.Post)
        {
            var body = random.Next(6) switch
            {
                0 => RandomBytes(random, random.Next(0, 3_000)),
                1 => BadLine(random, index),
                2 => Encoding.UTF8.GetBytes($"{{\"batchId\":{System.Text.Json.JsonSerializer.Serialize(Nasty(random))},\"deadline\":{System.Text.Json.JsonSerializer.Serialize(Nasty(random))},\"maxCostUsd\":{(random.Next(2) == 0 ? "-5" : "\"x\"")},\"accounts\":[{Encoding.UTF8.GetString(BadLine(random, index))}]}}"),
                3 => Encoding.UTF8.GetBytes(new string('{', random.Next(10, 3_000))),
                4 => [.. BadLine(random, index), (byte)'\n', .. BadLine(random, index + 1)],
                _ => [],
            };
            request.Content = new ByteArrayContent(body);
            var type = random.Next(5) switch
            {
                0 => "application/json",
                1 => "application/x-ndjson",
                2 => "text/csv",
                3 => "application/json; charset=latin1",
                _ => null,
            };
            if (type is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
        }

        return request;
    }

    /// <summary>A file for the upload trigger: binary, CSV, empty, BOM-only, NUL lines, arrays, or JSON Lines with bad lines.</summary>
    public static byte[] BadFile(Random random) => random.Next(7) switch
    {
        0 => RandomBytes(random, random.Next(1, 5_000)),
        1 => Encoding.UTF8.GetBytes("accountId,type\n1,2\n"),
        2 => [],
        3 => [0xEF, 0xBB, 0xBF],
        4 => Encoding.UTF8.GetBytes("[{\"accountId\":\"a\"}]"),
        5 => Encoding.UTF8.GetBytes("\n\0\n\0\n"),
        _ => [.. Encoding.UTF8.GetBytes(Line("first", "\"auto_loan\"", "{\"kind\":\"statement\",\"text\":\"Payoff amount $5.00\"}") + "\n"), .. BadLine(random, 1), (byte)'\n', .. BadLine(random, 2)],
    };

    private static string PageSize(Random random) =>
        random.Next(6) switch { 0 => "abc", 1 => "1e3", 2 => "10.5", 3 => "2147483648", 4 => "-1", _ => $"{random.Next(0, 2_000)}" };

    private static string Line(string id, string type, string source) =>
        $"{{\"accountId\":\"{id}\",\"liabilityType\":{type},\"source\":{source}}}";

    private static string WithField(string id, string field, string? value)
    {
        var accountId = field == "accountId" ? value : $"\"{id}\"";
        var type = field == "liabilityType" ? value : "\"mortgage\"";
        var lender = field == "lender" ? value : "\"Bank\"";
        var asOf = field == "asOf" ? value : "\"2026-01-31\"";
        var kind = field == "source.kind" ? value : "\"statement\"";
        var text = field == "source.text" ? value : "\"Escrow balance $10.00\"";
        var source = field == "source" ? value : $"{{{Member("kind", kind)}{Member("text", text, last: true)}}}";
        return $"{{{Member("accountId", accountId)}{Member("liabilityType", type)}{Member("lender", lender)}{Member("asOf", asOf)}{Member("source", source, last: true)}}}";

        static string Member(string name, string? json, bool last = false) => json is null ? "" : $"\"{name}\":{json}{(last ? "" : ",")}";
    }

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Header values cannot carry CR, LF or NUL (the client refuses to send them); the rest goes.</summary>
    private static string Printable(string value) => new(value.Where(c => c is not ('\r' or '\n' or '\0') && c < 0x7f && c >= 0x20).ToArray());
}
