using System.Text;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

public sealed class BatchReaderTests
{
    private const string Good = """{"accountId":"a-1","liabilityType":"auto_loan","lender":"Ally","asOf":"2026-03-01","source":{"kind":"statement","text":"Payoff amount $10.00"}}""";

    [Fact]
    public async Task The_reference_sample_batch_reads_as_200_valid_accounts()
    {
        await using var file = File.OpenRead(ReferenceSamples.BatchPath);

        var lines = await ReadAllAsync(file);

        Assert.Equal(200, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.Item));
        Assert.Equal(200, lines.Select(l => l.Item!.AccountId).Distinct().Count());
    }

    [Theory]
    [InlineData("""{"liabilityType":"auto_loan","source":{"kind":"statement","text":"x"}}""", "accountId is required")]
    [InlineData("""{"accountId":"has space","liabilityType":"auto_loan","source":{"kind":"statement","text":"x"}}""", "accountId must be 1–128 characters")]
    [InlineData("""{"accountId":"a","liabilityType":"boat","source":{"kind":"statement","text":"x"}}""", "liabilityType must be one of auto_loan, mortgage, credit_card, student_loan, personal_loan, other")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan","asOf":"03/01/2026","source":{"kind":"statement","text":"x"}}""", "asOf must be a date in yyyy-MM-dd form")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan","lender":7,"source":{"kind":"statement","text":"x"}}""", "lender must be a string of at most 200 characters")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan"}""", "source is required")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan","source":{"kind":"fax","text":"x"}}""", "source.kind must be one of")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan","source":{"kind":"statement","text":""}}""", "source.text must be 1–200,000 characters")]
    [InlineData("""{"accountId":"a","liabilityType":"auto_loan","source":{"kind":"statement"}}""", "source.text is required")]
    [InlineData("""{"accountId":"a",""", "the line is not valid JSON")]
    [InlineData("""[1,2]""", "the line is not a JSON object")]
    public async Task A_line_that_breaks_batch_v1_becomes_invalid_input_naming_the_field(string line, string expected)
    {
        var lines = await ReadAllAsync(Stream(Good, line, Good.Replace("a-1", "a-3", StringComparison.Ordinal)));

        Assert.Equal(3, lines.Count);
        var bad = lines[1];
        Assert.Null(bad.Item);
        Assert.Equal(ResultStatus.InvalidInput, bad.Invalid!.Status);
        Assert.Contains(expected, bad.Invalid.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Line 2 breaks batch.v1:", bad.Invalid.Reason, StringComparison.Ordinal);
        Assert.NotNull(lines[0].Item);
        Assert.NotNull(lines[2].Item);
    }

    [Fact]
    public async Task A_bad_line_is_reported_under_its_account_id_or_else_its_line_number()
    {
        var lines = await ReadAllAsync(Stream(
            """{"accountId":"known","liabilityType":"nope","source":{"kind":"statement","text":"x"}}""",
            """{"liabilityType":"auto_loan"}"""));

        Assert.Equal("known", lines[0].ResultAccountId);
        Assert.Equal("line 2", lines[1].ResultAccountId);
    }

    [Fact]
    public async Task A_repeated_account_id_is_invalid_and_names_the_first_line()
    {
        var lines = await ReadAllAsync(Stream(Good, Good));

        Assert.NotNull(lines[0].Item);
        Assert.Contains("repeats the one on line 1", lines[1].Invalid!.Reason, StringComparison.Ordinal);
        Assert.Equal("a-1", lines[1].ResultAccountId);
    }

    [Fact]
    public async Task Blank_lines_are_not_accounts_but_keep_the_file_line_numbers()
    {
        var lines = await ReadAllAsync(Stream("", Good, "   ", Good.Replace("a-1", "a-2", StringComparison.Ordinal), ""));

        Assert.Equal([2, 4], lines.Select(l => l.Number));
    }

    [Fact]
    public async Task Every_problem_of_a_line_is_named_at_once()
    {
        var lines = await ReadAllAsync(Stream("""{"accountId":"a","liabilityType":"x","asOf":"soon","source":{"kind":"y","text":""}}"""));

        var reason = lines[0].Invalid!.Reason!;
        Assert.Contains("liabilityType", reason, StringComparison.Ordinal);
        Assert.Contains("asOf", reason, StringComparison.Ordinal);
        Assert.Contains("source.kind", reason, StringComparison.Ordinal);
        Assert.Contains("source.text", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_256_MB_batch_streams_through_in_bounded_memory()
    {
        const int lineCount = 250_000;
        var filler = new string('z', 1_000);
        var stream = new GeneratedLinesStream(lineCount, i =>
            $$$"""{"accountId":"acc-{{{i}}}","liabilityType":"mortgage","source":{"kind":"statement","text":"Escrow Balance $1.00 {{{filler}}}"}}""");
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, valid = 0;

        await foreach (var line in BatchReader.ReadAsync(stream))
        {
            valid += line.Item is null ? 0 : 1;
            if (line.Number % 10_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - before);
            }
        }

        Assert.Equal(lineCount, valid);
        Assert.True(stream.BytesServed > 256_000_000, $"served {stream.BytesServed} bytes");
        // The id set for duplicate detection grows with the batch (~50 MB here); the documents never stay.
        Assert.True(peak < 128 * 1024 * 1024, $"heap grew by {peak / 1024 / 1024} MB while reading");
    }

    private static MemoryStream Stream(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines)));

    private static async Task<List<BatchLine>> ReadAllAsync(Stream stream)
    {
        var lines = new List<BatchLine>();
        await foreach (var line in BatchReader.ReadAsync(stream))
        {
            lines.Add(line);
        }

        return lines;
    }
}
