using System.Text;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Microsoft.DurableTask;

namespace Extraction.Core.Tests;

/// <summary>Input an attacker or a broken client sends: each refused by name, none reaching a blob name or a 500.</summary>
public sealed class HostileInputTests
{
    private const string Good = """{"accountId":"a-1","liabilityType":"auto_loan","source":{"kind":"statement","text":"Payoff amount $10.00"}}""";

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("x\n")]
    [InlineData("x/y")]
    [InlineData("")]
    public void A_batch_id_of_dots_or_with_a_trailing_newline_cannot_make_a_batch(string batchId)
    {
        Assert.False(BatchRef.IsValidBatchId(batchId));
        var refused = Assert.Throws<ArgumentException>(() => new BatchRef("acme", batchId));
        Assert.Contains("not only dots", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme, evil")]
    [InlineData("-acme")]
    public void A_partner_id_with_a_trailing_newline_or_a_list_is_refused(string partner) =>
        Assert.Throws<ArgumentException>(() => new BatchRef(partner, "b1"));

    [Theory]
    [InlineData("a.b-c_1")]
    [InlineData(".hidden")]
    [InlineData("v1.0")]
    public void Ids_with_dots_among_other_characters_stay_valid(string batchId) =>
        Assert.Equal($"acme/{batchId}", new BatchRef("acme", batchId).Folder);

    [Theory]
    [InlineData("..")]
    [InlineData("acct\n")]
    public async Task An_account_id_of_dots_or_with_a_trailing_newline_is_invalid_input(string accountId)
    {
        var line = Good.Replace("a-1", accountId.Replace("\n", "\\n", StringComparison.Ordinal), StringComparison.Ordinal);

        var lines = await ReadAllAsync(Encoding.UTF8.GetBytes(line));

        Assert.Null(lines[0].Item);
        Assert.Contains("accountId must be", lines[0].Invalid!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_utf8_byte_in_a_line_far_into_the_file_is_that_line_s_invalid_input_and_the_others_read()
    {
        var filler = new string('z', 70_000);
        var bad = Encoding.UTF8.GetBytes(Good.Replace("a-1", "a-2", StringComparison.Ordinal).Replace("$10.00", "$10.00 \u00ff", StringComparison.Ordinal));
        bad[Array.IndexOf(bad, (byte)0xC3)] = 0xFF; // ÿ's lead byte replaced: an invalid sequence inside a JSON string
        var first = Encoding.UTF8.GetBytes(Good.Replace("Payoff amount $10.00", $"Payoff amount $10.00 {filler}", StringComparison.Ordinal) + "\n");
        var third = Encoding.UTF8.GetBytes("\n" + Good.Replace("a-1", "a-3", StringComparison.Ordinal));

        var lines = await ReadAllAsync([.. first, .. bad, .. third]);

        Assert.Equal(3, lines.Count);
        Assert.NotNull(lines[0].Item);
        Assert.Contains("not valid UTF-8", lines[1].Invalid!.Reason, StringComparison.Ordinal);
        Assert.NotNull(lines[2].Item);
    }

    [Theory]
    [InlineData("batchId")]
    [InlineData("deadline")]
    [InlineData("text")]
    public async Task Invalid_utf8_anywhere_in_a_json_batch_request_is_a_400_naming_it(string where)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"batchId":"b-X","deadline":"2030-01-01T00:00:00ZX","accounts":[{{Good.Replace("$10.00", "$10.00 X", StringComparison.Ordinal)}}]}""");
        var marker = where switch { "batchId" => "b-X", "deadline" => "ZX", _ => "00 X" };
        json[Encoding.UTF8.GetString(json).IndexOf(marker, StringComparison.Ordinal) + marker.Length - 1] = 0xFF;

        var (request, problem) = await BatchRequestReader.ReadAsync(new MemoryStream(json), "application/json", json.Length, null, null, new Configuration.BatchOptions());

        Assert.Null(request);
        Assert.Equal(Contracts.RequestProblemKind.Invalid, problem!.Kind);
        Assert.Contains("not valid UTF-8", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_length_is_not_allocated_before_the_bytes_arrive()
    {
        var oneByte = new MemoryStream([(byte)'{']);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var body = await BoundedRead.ReadAsync(oneByte, declaredLength: 29_000_000, maxBytes: 50_000_000);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal([(byte)'{'], body!);
        Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes for a body of one byte that claimed 29 MB");
    }

    [Fact]
    public async Task A_small_declared_length_still_reads_into_one_exact_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes(Good);

        var body = await BoundedRead.ReadAsync(new MemoryStream(bytes), bytes.Length, 1_000_000);

        Assert.Equal(bytes, body);
    }

    [Fact]
    public void A_storage_failure_reaches_a_partner_as_its_kind_without_headers_versions_or_request_ids()
    {
        var storage = new TaskFailureDetails("Azure.RequestFailedException",
            "Service request failed.\nStatus: 500 (Internal Server Error)\nHeaders:\nServer: Azurite-Blob/3.35.0\nx-ms-request-id: 6f1c2a", null, null, null);
        var wrapped = new TaskFailureDetails("Microsoft.DurableTask.TaskFailedException", "Task 'ExtractAccountActivity' (#3) failed", null, storage, null);

        var text = FailureText.Describe(wrapped);

        Assert.Equal("a storage or model call was refused or failed", text);
        Assert.DoesNotContain("Azurite", text, StringComparison.Ordinal);
        Assert.DoesNotContain("x-ms-request-id", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.NullReferenceException", "Object reference not set", "an internal error")]
    [InlineData("System.TimeoutException", "The operation has timed out after 30 s", "a call timed out")]
    [InlineData("System.IO.InvalidDataException", "The file is not UTF-8 text: it cannot be a batch.v1 JSON Lines file.", "The file is not UTF-8 text: it cannot be a batch.v1 JSON Lines file.")]
    public void Only_messages_written_for_partners_pass_through_whole(string type, string message, string expected) =>
        Assert.Equal(expected, FailureText.Describe(new TaskFailureDetails(type, message, "at Secret.Stack()", null, null)));

    private static async Task<List<BatchLine>> ReadAllAsync(byte[] bytes)
    {
        var lines = new List<BatchLine>();
        await foreach (var line in BatchReader.ReadAsync(new MemoryStream(bytes)))
        {
            lines.Add(line);
        }

        return lines;
    }
}
