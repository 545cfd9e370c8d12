using System.CommandLine;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Contracts;
using Extraction.Core.Review;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract review list</c> shows a partner's review queue; <c>extract review correct</c> submits a
/// person's fields for one account, which makes it <c>extracted</c> and keeps a verified label.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext cli)
    {
        var list = ListVerb(cli);
        var show = ShowVerb(cli);
        var correct = CorrectVerb(cli);
        return new Command("review", "The review queue: list what waits for a person, show one account with the document's lines, or submit a person's fields.") { list, show, correct };
    }

    private static Verb ListVerb(CliContext cli)
    {
        var partner = CliOptions.Partner("the partner whose queue to list");
        var batch = CliOptions.BatchId("--batch", "only this batch");
        var verb = new Verb("list", "List the needs_review accounts with their failed checks and reason.",
            "extract review list --partner acme",
            "extract review list --partner acme --batch b-1")
        {
            partner, batch,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            return await ListAsync(session.Services.GetRequiredService<ReviewQueue>(), parse.GetValue(partner)!, parse.GetValue(batch), cli.Output, cancellationToken).ConfigureAwait(false);
        });
    }

    private static Verb ShowVerb(CliContext cli)
    {
        var partner = CliOptions.Partner();
        var batch = CliOptions.BatchId("--batch", "the account's batch");
        batch.Required = true;
        var account = new Option<string>("--account") { Description = "the account's accountId", Required = true, HelpName = "ID" };
        var verb = new Verb("show", "Show one account's result and, for each field in doubt, the document's lines around its value.",
            "extract review show --partner acme --batch b-1 --account ACC-7")
        {
            partner, batch, account,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            if (await session.Services.GetRequiredService<ReviewEvidence>().ForAsync(
                new BatchRef(parse.GetValue(partner)!, parse.GetRequiredValue(batch)!), parse.GetRequiredValue(account), cancellationToken).ConfigureAwait(false) is not { } review)
            {
                await cli.Progress.WriteLineAsync($"Batch {parse.GetValue(batch)} of {parse.GetValue(partner)} has no account {parse.GetValue(account)}.").ConfigureAwait(false);
                return 1;
            }

            await cli.Output.WriteLineAsync($"{review.Result.AccountId}\t{ContractJson.WireName(review.Result.Status)}\t{review.Result.Reason}").ConfigureAwait(false);
            foreach (var field in review.Evidence)
            {
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {field.Field} = {field.Value ?? "(not in the answer)"}")).ConfigureAwait(false);
                foreach (var line in field.Lines.SelectMany(l => l.Split('\n')))
                {
                    await cli.Output.WriteLineAsync($"      | {line.TrimEnd('\r')}").ConfigureAwait(false);
                }
            }

            return 0;
        });
    }

    private static Verb CorrectVerb(CliContext cli)
    {
        var partner = CliOptions.Partner();
        var batch = CliOptions.BatchId("--batch", "the account's batch");
        batch.Required = true;
        var account = new Option<string>("--account") { Description = "the account's accountId", Required = true, HelpName = "ID" };
        var fields = new Option<FileInfo>("--fields") { Description = "the person's fields.v1 JSON", Required = true, HelpName = "fields.json" };
        fields.AcceptExistingOnly();
        var reviewer = new Option<string>("--reviewer") { Description = "who corrected it (the result's model becomes human:NAME)", Required = true, HelpName = "NAME" };
        var reopen = new Option<bool>("--reopen") { Description = "correct an account that is not waiting for review (logged)" };
        var verb = new Verb("correct", "Submit a person's fields for one account waiting for review: it becomes extracted, leaves the queue, and is kept as a verified label.",
            "extract review correct --partner acme --batch b-1 --account ACC-7 --fields fixed.json --reviewer carol")
        {
            partner, batch, account, fields, reviewer, reopen,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            var body = await File.ReadAllTextAsync(parse.GetRequiredValue(fields).FullName, cancellationToken).ConfigureAwait(false);
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            var outcome = await session.Services.GetRequiredService<ReviewService>().CorrectAsync(
                new BatchRef(parse.GetValue(partner)!, parse.GetRequiredValue(batch)!), parse.GetRequiredValue(account), body, parse.GetRequiredValue(reviewer), parse.GetValue(reopen), cancellationToken).ConfigureAwait(false);
            if (outcome.Status != CorrectionStatus.Corrected)
            {
                await cli.Progress.WriteLineAsync(outcome.Problem).ConfigureAwait(false);
                return 1;
            }

            await cli.Output.WriteLineAsync(ContractJson.Serialize(outcome.Result)).ConfigureAwait(false);
            return 0;
        });
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
}
