using System.Text;
using Extraction.Core.Activities;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.Core.Training;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>Many answers recorded at once (the real-time writer's way): shared table transactions, nothing left out.</summary>
public sealed class RecorderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_group_over_one_transaction_across_two_batches_writes_every_raw_record_result_review_and_candidate()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var big = new BatchRef("acme", $"rec-{Guid.NewGuid():N}");
        var small = new BatchRef("acme", $"rec-{Guid.NewGuid():N}");
        var gold = ReferenceSamples.Gold();
        var lines = ReferenceSamples.BatchLines();
        // 150 lines of one batch (two transactions of its partition) and 3 of another, every 10th for review.
        var answered = Enumerable.Range(1, 153).Select(n =>
        {
            var (batch, line) = n <= 150 ? (big, n) : (small, n - 150);
            var item = BatchLineParser.Parse(Encoding.UTF8.GetBytes(lines[n - 1])).Item!;
            var status = n % 10 == 0 ? ResultStatus.NeedsReview : ResultStatus.Extracted;
            var answer = new ModelAnswer(gold[item.AccountId], Teacher, [], 0, null);
            var result = pipeline.Services.GetRequiredService<AccountResultRecorder>().ResultOf(batch, line, item, answer with { Checks = [] }) with { Status = status, Attempts = 1 };
            return new AnsweredAccount(batch, line, item, answer, result);
        }).ToList();

        await pipeline.Services.GetRequiredService<AccountResultRecorder>().RecordManyAsync(answered);

        foreach (var batch in new[] { big, small })
        {
            var expected = answered.Where(a => a.Batch == batch).ToList();
            var rows = await pipeline.ResultsOfAsync(batch);
            Assert.Equal(expected.Select(a => (a.Line, ContractJson.Serialize(a.Result))), rows.Select(r => (r.Line, ContractJson.Serialize(r.Result))));
            var reviews = new List<ReviewItem>();
            await foreach (var review in pipeline.Services.GetRequiredService<ReviewQueue>().ListAsync("acme", batch.BatchId))
            {
                reviews.Add(review);
            }

            Assert.Equal(expected.Where(a => a.Result.Status == ResultStatus.NeedsReview).Select(a => a.Line), reviews.Select(r => r.Line).Order());
        }

        var candidates = new List<TrainingCandidate>();
        await foreach (var candidate in pipeline.Services.GetRequiredService<TrainingCandidates>().ListAsync(since, DateTimeOffset.UtcNow.AddSeconds(1)))
        {
            candidates.Add(candidate);
        }

        var taught = answered.Where(a => a.Result.Status == ResultStatus.Extracted).Select(a => (a.Batch.BatchId, a.Line)).Order().ToList();
        Assert.Equal(taught, candidates.Where(c => c.BatchId == big.BatchId || c.BatchId == small.BatchId).Select(c => (c.BatchId, c.Line)).Order());
        Assert.All(candidates, c => Assert.Equal(TrainingSource.Teacher, c.Source));
        var store = pipeline.Services.GetRequiredService<RawRecordStore>();
        foreach (var a in answered)
        {
            var raw = await store.ReadAsync(a.Result.RawOutput!);
            Assert.Equal((a.Batch.BatchId, a.Line, a.Account.AccountId), (raw!.BatchId, raw.Line, raw.AccountId));
        }
    }
}
