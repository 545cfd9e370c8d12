using System.Globalization;
using Extraction.Cli.Local;
using Extraction.Core.Contracts;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract review list</c> shows a partner's review queue; <c>extract review correct</c> submits a
/// person's fields for one account, which makes it <c>extracted</c> and keeps a verified label.
/// </summary>
internal static class ReviewCommand
{
    public const string Usage = """
        extract review list --partner P [--batch B]
          extract review correct --partner P --batch B --account A --fields fields.json --reviewer NAME
        """;

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var partner = args.Get("partner") ?? throw new UsageException("review needs --partner.");
        if (!BatchRef.IsValidPartner(partner))
        {
            throw new UsageException("--partner is 1–63 characters of a-z 0-9 -.");
        }

        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken).ConfigureAwait(false);
        return args.Positional switch
        {
            ["list"] => await ListAsync(session.Services.GetRequiredService<ReviewQueue>(), partner, args.Get("batch"), output, cancellationToken).ConfigureAwait(false),
            ["correct"] => await CorrectAsync(session.Services.GetRequiredService<ReviewService>(), partner, args, output, progress, cancellationToken).ConfigureAwait(false),
            _ => throw new UsageException("review takes list or correct."),
        };
    }

    private static async Task<int> ListAsync(ReviewQueue queue, string partner, string? batch, TextWriter output, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in queue.ListAsync(partner, batch, cancellationToken).ConfigureAwait(false))
        {
            count++;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{item.BatchId}\tline {item.Line}\t{item.AccountId}\t{string.Join(",", item.FailedChecks)}\t{item.Reason}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{count} account(s) waiting for review.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> CorrectAsync(ReviewService reviews, string partner, CliArgs args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var batchId = args.Get("batch") ?? throw new UsageException("correct needs --batch.");
        var account = args.Get("account") ?? throw new UsageException("correct needs --account.");
        var fieldsFile = args.Get("fields") ?? throw new UsageException("correct needs --fields (a fields.v1 JSON file).");
        var reviewer = args.Get("reviewer") ?? throw new UsageException("correct needs --reviewer.");
        if (!BatchRef.IsValidBatchId(batchId))
        {
            throw new UsageException($"--batch: {BatchRef.BatchIdRule}.");
        }

        var outcome = await reviews.CorrectAsync(new BatchRef(partner, batchId), account, await File.ReadAllTextAsync(fieldsFile, cancellationToken).ConfigureAwait(false), reviewer, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != CorrectionStatus.Corrected)
        {
            await errors.WriteLineAsync(outcome.Problem).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(ContractJson.Serialize(outcome.Result)).ConfigureAwait(false);
        return 0;
    }
}
