using Extraction.Core.Access;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.IntegrationTests;

/// <summary>Partner and reviewer keys in storage: issued once, stored hashed, rotated with an overlap, revoked at once.</summary>
public sealed class PartnerKeysTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_rotated_key_works_through_its_overlap_and_a_revoked_one_stops_at_once()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Auth:KeyCacheSeconds"] = "0" });
        var store = pipeline.Services.GetRequiredService<CredentialStore>();
        var callers = pipeline.Services.GetRequiredService<CallerAuthenticator>();
        var partner = $"p{Guid.NewGuid():N}"[..20];
        var first = (await store.AddAsync(CallerKind.Partner, partner, [partner])).Key;

        var rotated = (await store.RotateAsync(CallerKind.Partner, partner))!.Value;
        var bothWork = (await AsPartnerAsync(callers, first), await AsPartnerAsync(callers, rotated.Key));
        var revoked = await store.RevokeAsync(CallerKind.Partner, partner);
        var afterRevoke = (await AsPartnerAsync(callers, first), await AsPartnerAsync(callers, rotated.Key));

        Assert.Equal((partner, partner), bothWork);
        Assert.InRange(rotated.OldKeysExpire - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Equal(2, revoked);
        Assert.Equal(((string?)null, (string?)null), afterRevoke);
        // Only a salted hash is stored: the secret appears nowhere in the row.
        await foreach (var row in pipeline.Storage.CredentialsTable.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "Partner" && e.RowKey == first.Id))
        {
            Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains(first.Secret, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task Without_an_overlap_a_rotation_ends_the_old_key_and_a_wrong_secret_never_passes()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Auth:KeyCacheSeconds"] = "0", ["Auth:RotationOverlapHours"] = "0" });
        var store = pipeline.Services.GetRequiredService<CredentialStore>();
        var callers = pipeline.Services.GetRequiredService<CallerAuthenticator>();
        var partner = $"p{Guid.NewGuid():N}"[..20];
        var old = (await store.AddAsync(CallerKind.Partner, partner, [partner])).Key;

        var successor = (await store.RotateAsync(CallerKind.Partner, partner))!.Value.Key;

        Assert.Null(await AsPartnerAsync(callers, old));
        Assert.Equal(partner, await AsPartnerAsync(callers, successor));
        Assert.Null(await AsPartnerAsync(callers, successor with { Secret = old.Secret }));
        Assert.Null(await AsPartnerAsync(callers, ApiKey.New(CallerKind.Partner)));
    }

    [Fact]
    public async Task Extract_partners_add_prints_the_key_once_as_the_last_line_and_list_never_shows_it()
    {
        var table = $"cred{Guid.NewGuid():N}"[..16];
        string[] storage = [$"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:CredentialsTable={table}"];
        var partner = $"p{Guid.NewGuid():N}"[..12];

        var added = await CliRunner.RunAsync(["partners", "add", partner, .. storage]);
        var reviewer = await CliRunner.RunAsync(["reviewers", "add", "carol", "--partners", "acme,globex", .. storage]);
        var listed = await CliRunner.RunAsync(["partners", "list", .. storage]);
        var revoked = await CliRunner.RunAsync(["partners", "revoke", partner, .. storage]);
        var again = await CliRunner.RunAsync(["partners", "list", .. storage]);
        var purged = await CliRunner.RunAsync(["partners", "purge", partner, "--by", "dana", "--engine", "in-memory", $"--Storage:PurgesTable=pg{table}", .. storage]);
        var afterPurge = await CliRunner.RunAsync(["partners", "list", .. storage]);

        Assert.Equal(0, added.Code);
        var key = added.Stdout.TrimEnd().Split('\n')[^1];
        Assert.True(ApiKey.TryParse(key, out var parsed), added.Stdout);
        Assert.Equal(CallerKind.Partner, parsed!.Kind);
        Assert.Contains("reviewing acme, globex", reviewer.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{parsed.Prefix}\t{partner}\t{partner}\t", listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Secret, listed.Stdout + listed.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, $"Revoked 1 key(s) of partner {partner}."), (revoked.Code, revoked.Stdout.Trim()));
        Assert.Contains("\trevoked", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, purged.Code);
        Assert.Matches(@"partner keys\s+1\n", purged.Stdout);
        Assert.Contains($"Purged partner {partner}", purged.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(partner, afterPurge.Stdout, StringComparison.Ordinal);
    }

    private static async Task<string?> AsPartnerAsync(CallerAuthenticator callers, ApiKey key) =>
        (await callers.PartnerAsync($"Bearer {key}", [], null)).Caller?.Name;
}
