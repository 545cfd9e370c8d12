using Microsoft.DurableTask;

namespace Extraction.Cli.Commands;

/// <summary>
/// The engine's own ceiling: the batch path's shape (windowed sub-orchestrations of chunked activity
/// fan-outs) with activities that do nothing. The benchmark measures the pipeline against it.
/// </summary>
internal static class BareFanOut
{
    public sealed record Input(int Accounts, int ChunkSize, int MaxParallelChunks);

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<Input, int>(nameof(BareFanOut), RunAsync);
        registry.AddOrchestratorFunc<int, int>("BareFanOutChunk", RunChunkAsync);
        registry.AddActivityFunc<int, int>("BareFanOutActivity", (_, value) => value);
    }

    private static async Task<int> RunAsync(TaskOrchestrationContext context, Input input)
    {
        var done = 0;
        var running = new List<Task<int>>();
        for (var start = 0; start < input.Accounts; start += input.ChunkSize)
        {
            if (running.Count == input.MaxParallelChunks)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                done += await finished;
            }

            running.Add(context.CallSubOrchestratorAsync<int>("BareFanOutChunk", Math.Min(input.ChunkSize, input.Accounts - start)));
        }

        foreach (var chunk in running)
        {
            done += await chunk;
        }

        return done;
    }

    private static async Task<int> RunChunkAsync(TaskOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("BareFanOutActivity", 1)));
        return results.Sum();
    }
}
