using System.CommandLine;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Access;
using Extraction.Core.Contracts;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract partners add|list|rotate|revoke</c> and <c>extract reviewers add|list|revoke</c>: API keys. A new
/// key is printed once, as the last line of stdout, and kept only as a salted hash.
/// </summary>
internal static class KeysCommand
{
    public static Command Partners(CliContext cli) => new("partners", "Partners: issue, list, rotate and revoke their API keys; purge everything of one.")
    {
        Add(cli, CallerKind.Partner, "extract partners add acme"),
        List(cli, CallerKind.Partner, "extract partners list"),
        Rotate(cli, CallerKind.Partner, "extract partners rotate acme"),
        Revoke(cli, CallerKind.Partner, "extract partners revoke acme"),
        PartnerPurgeCommand.Create(cli),
    };

    public static Command Reviewers(CliContext cli) => new("reviewers", "Reviewer API keys (people who correct accounts): issue, list, rotate, revoke.")
    {
        Add(cli, CallerKind.Reviewer, "extract reviewers add carol --partners acme,globex", "extract reviewers add dana"),
        List(cli, CallerKind.Reviewer, "extract reviewers list"),
        Rotate(cli, CallerKind.Reviewer, "extract reviewers rotate carol"),
        Revoke(cli, CallerKind.Reviewer, "extract reviewers revoke carol"),
    };

    private static Verb Add(CliContext cli, CallerKind kind, params string[] examples)
    {
        var name = Name(kind);
        var scope = new Option<string>("--partners") { Description = "the partners the reviewer may correct, comma-separated (default: all)", DefaultValueFactory = _ => Caller.AllPartners, HelpName = "IDS" };
        var verb = new Verb("add", $"Issue a key for a {Word(kind)}; it is printed once, as the last line.", examples) { name };
        if (kind == CallerKind.Reviewer)
        {
            verb.Options.Add(scope);
        }

        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            var partners = kind == CallerKind.Partner ? [parse.GetValue(name)!] : parse.GetValue(scope)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (partners.Length == 0 || partners.Any(p => p != Caller.AllPartners && !BatchRef.IsValidPartner(p)))
            {
                await cli.Progress.WriteLineAsync($"--partners: a comma-separated list of partners ({BatchRef.PartnerRule}) or '*'.").ConfigureAwait(false);
                return 2;
            }

            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            var (credential, key) = await session.Services.GetRequiredService<CredentialStore>().AddAsync(kind, parse.GetValue(name)!, partners, cancellationToken).ConfigureAwait(false);
            await cli.Progress.WriteLineAsync($"Issued {credential.Prefix} for {Word(kind)} {credential.Name}{ScopeText(credential)}. Keep the key: it is not shown again.").ConfigureAwait(false);
            await cli.Output.WriteLineAsync(key.ToString()).ConfigureAwait(false);
            return 0;
        });
    }

    private static Verb List(CliContext cli, CallerKind kind, params string[] examples)
    {
        var verb = new Verb("list", $"List {Word(kind)} keys by prefix, with their state (never a secret).", examples);
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var count = 0;
            await foreach (var key in session.Services.GetRequiredService<CredentialStore>().ListAsync(kind, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                count++;
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{key.Prefix}\t{key.Name}\t{string.Join(",", key.Partners)}\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}Z\t{key.StateAt(now)}")).ConfigureAwait(false);
            }

            await cli.Progress.WriteLineAsync($"{count} {Word(kind)} key(s).").ConfigureAwait(false);
            return 0;
        });
    }

    private static Verb Rotate(CliContext cli, CallerKind kind, params string[] examples)
    {
        var name = Name(kind);
        var verb = new Verb("rotate", $"Issue a successor key; the {Word(kind)}'s current keys keep working for Auth:RotationOverlapHours, then stop.", examples) { name };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            if (await session.Services.GetRequiredService<CredentialStore>().RotateAsync(kind, parse.GetValue(name)!, cancellationToken).ConfigureAwait(false) is not var (credential, key, expires))
            {
                await cli.Progress.WriteLineAsync($"{Word(kind)} {parse.GetValue(name)} has no valid key to rotate; issue one with 'add'.").ConfigureAwait(false);
                return 1;
            }

            await cli.Progress.WriteLineAsync($"Issued {credential.Prefix} for {credential.Name}; the earlier keys stop at {expires:yyyy-MM-dd HH:mm}Z. Keep the key: it is not shown again.").ConfigureAwait(false);
            await cli.Output.WriteLineAsync(key.ToString()).ConfigureAwait(false);
            return 0;
        });
    }

    private static Verb Revoke(CliContext cli, CallerKind kind, params string[] examples)
    {
        var name = Name(kind);
        var verb = new Verb("revoke", $"Revoke every key of a {Word(kind)} now (every instance refuses them within Auth:KeyCacheSeconds).", examples) { name };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
            var revoked = await session.Services.GetRequiredService<CredentialStore>().RevokeAsync(kind, parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await cli.Output.WriteLineAsync($"Revoked {revoked} key(s) of {Word(kind)} {parse.GetValue(name)}.").ConfigureAwait(false);
            return revoked > 0 ? 0 : 1;
        });
    }

    private static Argument<string> Name(CallerKind kind) => CliOptions.NameArgument(kind == CallerKind.Partner ? "the partner id" : "the reviewer's name");

    private static string Word(CallerKind kind) => kind == CallerKind.Partner ? "partner" : "reviewer";

    private static string ScopeText(StoredCredential credential) =>
        credential.Kind == CallerKind.Reviewer ? $", reviewing {(credential.Partners.Contains(Caller.AllPartners) ? "every partner" : string.Join(", ", credential.Partners))}" : "";
}
