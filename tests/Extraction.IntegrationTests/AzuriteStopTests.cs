using System.Diagnostics;
using Azure.Data.Tables;
using Extraction.Cli.Local;

namespace Extraction.IntegrationTests;

/// <summary>An Azurite the CLI started (with data on disk) stops the moment its run ends, and keeps what was written.</summary>
public sealed class AzuriteStopTests
{
    [Fact]
    public async Task An_Azurite_this_process_started_stops_at_once_and_the_next_start_finds_what_was_written()
    {
        var folder = Directory.CreateTempSubdirectory("azurite-stop-").FullName;
        var azurite = await Azurite.StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), folder);
        var table = new TableClient(azurite.ConnectionString, "stops");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Result"] = "final" });

        var clock = Stopwatch.StartNew();
        await azurite.DisposeAsync();
        // Was 10.1 s (measured with --disableTelemetry taken out): Azurite's telemetry holds a SIGTERM for about
        // two minutes where no network answers, so every stop waited out its 10 s grace and ended in a kill.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed.TotalSeconds:F1} s");

        await using var again = await Azurite.StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), folder);
        var row = await new TableClient(again.ConnectionString, "stops").GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal("final", row.Value.GetString("Result"));
    }
}
