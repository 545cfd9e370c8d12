using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests;

/// <summary>The process's one table writer on Azurite: rows of many callers share transactions; a refused row fails only its caller.</summary>
public sealed class TableWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Rows_of_many_concurrent_callers_share_transactions_and_each_caller_returns_when_its_row_is_stored()
    {
        var (storage, table) = await NewTableAsync();
        var writer = new TableWriter();
        var before = storage.Calls.Table;

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => writer.UpsertAsync(table, [new TableEntity("p", $"{i:D4}") { ["N"] = i }])));

        var calls = storage.Calls.Table - before;
        Assert.InRange(calls, 3, 30);
        var stored = await RowsAsync(table);
        Assert.Equal(Enumerable.Range(0, 300), stored.Select(e => e.GetInt32("N")!.Value).Order());
    }

    [Fact]
    public async Task A_row_the_service_refuses_fails_only_its_own_caller()
    {
        var (_, table) = await NewTableAsync();
        var writer = new TableWriter();
        // A string property over 64 KiB: the table service refuses the entity (and with it its transaction).
        var bad = new TableEntity("p", "bad") { ["Text"] = new string('x', 40_000) + new string('y', 40_000) };

        var good = Enumerable.Range(0, 20).Select(i => writer.UpsertAsync(table, [new TableEntity("p", $"{i:D4}")])).ToList();
        var refused = writer.UpsertAsync(table, [bad]);

        await Task.WhenAll(good);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => refused);
        Assert.Equal(20, (await RowsAsync(table)).Count);
    }

    [Fact]
    public async Task Each_round_of_writes_is_made_in_the_flow_of_a_caller_whose_own_row_is_in_it()
    {
        // A policy on the client sees each request in the flow that sends it (the caller's mark, the rows it carries),
        // and holds it 300 ms, so the rows of the callers that come meanwhile make a second round.
        var caller = new AsyncLocal<string?>();
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string? Caller, string Request)>();
        var options = new TableClientOptions();
        options.AddPolicy(new FlowRecorder(caller, seen), Azure.Core.HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient($"writer{Guid.NewGuid():N}"[..24]);
        await table.CreateAsync();
        seen.Clear();
        var writer = new TableWriter();
        Task Write(int i) => Task.Run(async () =>
        {
            caller.Value = $"{i:D4}";
            await writer.UpsertAsync(table, [new TableEntity("p", $"{i:D4}")]);
        });

        var first = Write(0);
        await Task.Delay(100);
        await Task.WhenAll([first, .. Enumerable.Range(1, 50).Select(Write)]);

        var writes = seen.ToList();
        Assert.Equal(51, (await RowsAsync(table)).Count);
        // The first caller's flow does not go on writing the rows of those that came after it.
        var byCaller = writes.GroupBy(w => w.Caller).ToList();
        Assert.DoesNotContain(byCaller, g => g.Key is null);
        Assert.True(byCaller.Count == 2, $"{writes.Count} writes in the flows of {string.Join(", ", byCaller.Select(g => g.Key))}");
        Assert.All(byCaller, g => Assert.Contains(g, w => w.Request.Contains($"RowKey='{g.Key}'", StringComparison.Ordinal)));
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "p"))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<(StorageClients Storage, TableClient Table)> NewTableAsync()
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
        var table = storage.Tables.GetTableClient($"writer{Guid.NewGuid():N}"[..24]);
        await table.CreateAsync();
        return (storage, table);
    }

    private sealed class FlowRecorder(AsyncLocal<string?> caller, System.Collections.Concurrent.ConcurrentBag<(string? Caller, string Request)> seen) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            using var body = new MemoryStream();
            message.Request.Content?.WriteTo(body, CancellationToken.None);
            seen.Add((caller.Value, Uri.UnescapeDataString(message.Request.Uri.ToString()) + System.Text.Encoding.UTF8.GetString(body.ToArray())));
            Thread.Sleep(300);
        }
    }
}
