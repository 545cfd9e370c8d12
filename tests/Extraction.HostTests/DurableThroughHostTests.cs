using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Extraction.Core.Contracts;
using Extraction.HostTests.TestKit;
using Extraction.ModelEmulator;
using Extraction.Tooling.Generation;

namespace Extraction.HostTests;

/// <summary>
/// Durable Functions inside the host, on the Azure Storage backend in Azurite: a machine lost mid-batch, and host.json's
/// limits (activity concurrency, function timeout) as the host applies them to the app's activities.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DurableThroughHostTests
{
    [HostFact]
    public async Task A_host_killed_at_forty_percent_of_a_thousand_accounts_finishes_after_a_restart_without_answering_a_stored_account_again()
    {
        await using var app = await HostedApp.StartAsync();
        app.Emulator.Latency = TimeSpan.FromMilliseconds(20);
        var accounts = new SyntheticBatchGenerator(seed: 27).Generate(1_000).ToList();
        var accountOf = accounts.GroupBy(DocumentOf).ToDictionary(g => g.Key, g => g.Select(a => a.AccountId).ToList());
        var host = await app.StartHostAsync();
        var batchId = await new PartnerApi(host).StartBatchAsync(accounts.Select(a => a.Line));
        var results = app.Table("ResultsTable");
        var partition = new BatchRef("acme", batchId).PartitionKey;

        var stored = await WaitForRowsAsync(results, partition, atLeast: 400, TimeSpan.FromMinutes(4), host);
        var callsBeforeKill = app.Emulator.Calls.Count;
        await host.KillAsync();
        var restarted = await app.StartHostAsync();
        var status = await new PartnerApi(restarted).WaitAsync(batchId, TimeSpan.FromMinutes(5));
        var rows = await AccountIdsAsync(results, partition);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(accounts.Select(a => a.AccountId).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.InRange(stored.Count, 400, 999);
        var calls = app.Emulator.Calls.ToArray();
        var answeredAgain = calls.Skip(callsBeforeKill)
            .SelectMany(c => accountOf.GetValueOrDefault(ModelEmulator.ModelEmulator.DocumentOf(c), []))
            .Where(stored.Contains)
            .Distinct()
            .ToList();
        Assert.True(answeredAgain.Count == 0, $"{answeredAgain.Count} of the {stored.Count} accounts stored before the kill were sent to the model again");
        var studentCalls = calls.Where(c => c.Deployment == HostedApp.Student)
            .SelectMany(c => accountOf.GetValueOrDefault(ModelEmulator.ModelEmulator.DocumentOf(c), []))
            .Where(stored.Contains)
            .CountBy(id => id)
            .Where(c => c.Value > 1)
            .ToList();
        Assert.Empty(studentCalls);
    }

    [HostFact]
    public async Task Host_json_activity_concurrency_bounds_the_model_calls_two_at_a_time_and_sixteen_lets_more_through()
    {
        var lines = new SyntheticBatchGenerator(seed: 28).Generate(80).Select(a => a.Line).ToList();

        var atTwo = await PeakConcurrentCallsAsync(lines, maxConcurrentActivities: 2);
        var atSixteen = await PeakConcurrentCallsAsync(lines, maxConcurrentActivities: 16);

        Assert.InRange(atTwo, 1, 2);
        Assert.True(atSixteen > 2, $"with 16 concurrent activities the model saw at most {atSixteen} calls at once");
    }

    [HostFact]
    public async Task An_activity_cut_by_the_hosts_function_timeout_is_retried_and_its_account_ends_with_one_result()
    {
        await using var app = await HostedApp.StartAsync();
        app.Settings["AzureFunctionsJobHost__functionTimeout"] = "00:00:05";
        // The model's own deadline and the account's are longer than the function's: the host cuts first.
        app.Settings["Model__TimeoutMs"] = "60000";
        app.Settings["Budget__AccountDeadlineMs"] = "120000";
        app.Emulator.Script(HostedApp.Student, Behaviour.Slow(TimeSpan.FromSeconds(30)));
        var host = await app.StartHostAsync();
        var accounts = new SyntheticBatchGenerator(seed: 29).Generate(1).ToList();

        var api = new PartnerApi(host);
        var batchId = await api.StartBatchAsync(accounts.Select(a => a.Line));
        var status = await api.WaitAsync(batchId, TimeSpan.FromMinutes(3));
        var (results, _) = await api.ResultsAsync(batchId, pageSize: 10);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var result = Assert.Single(results);
        Assert.Equal(accounts[0].AccountId, result.GetProperty("accountId").GetString());
        Assert.True(await host.WaitForLogAsync(l => l.Contains("Timeout value of 00:00:05", StringComparison.Ordinal), TimeSpan.Zero), host.RecentLog);
        Assert.True(app.Emulator.CallsTo(HostedApp.Student) >= 2, "the cut activity was not run again");
    }

    private static async Task<int> PeakConcurrentCallsAsync(List<string> lines, int maxConcurrentActivities)
    {
        await using var app = await HostedApp.StartAsync();
        app.Settings["AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions"] = $"{maxConcurrentActivities}";
        app.Emulator.Latency = TimeSpan.FromMilliseconds(150);
        var host = await app.StartHostAsync();
        var api = new PartnerApi(host);
        app.Emulator.ResetPeak();

        var batchId = await api.StartBatchAsync(lines);
        var status = await api.WaitAsync(batchId, TimeSpan.FromMinutes(3));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        return app.Emulator.PeakConcurrentCalls;
    }

    private static string DocumentOf(SyntheticAccount account) =>
        JsonDocument.Parse(account.Line).RootElement.GetProperty("source").GetProperty("text").GetString()!;

    private static async Task<HashSet<string>> WaitForRowsAsync(TableClient results, string partition, int atLeast, TimeSpan timeout, FunctionsHost host)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await AccountIdsAsync(results, partition);
            if (rows.Count >= atLeast)
            {
                return rows;
            }

            Assert.True(clock.Elapsed < timeout, $"only {rows.Count} results after {timeout.TotalMinutes:0} min\n{host.RecentLog}");
            await Task.Delay(100);
        }
    }

    private static async Task<HashSet<string>> AccountIdsAsync(TableClient results, string partition)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in results.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["AccountId"]))
            {
                ids.Add(row.GetString("AccountId"));
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No result yet: the table is made with the first.
        }

        return ids;
    }
}
