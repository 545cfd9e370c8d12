using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests;

/// <summary>The process's one table writer on Azurite: rows of many callers share transactions; a refused row fails only its caller.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableWriterTests(AzuriteFixture azurite)
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
}
