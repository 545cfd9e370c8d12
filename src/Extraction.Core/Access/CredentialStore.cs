using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Access;

/// <summary>
/// Partner and reviewer keys, one row each (partition = kind, row = the key's id). Only a salted HMAC of the
/// secret is kept: the secrets are 240 random bits, so a fast hash is as safe as a slow one and costs a
/// request microseconds, not the tens of milliseconds a password KDF would.
/// </summary>
[Singleton]
public sealed class CredentialStore(StorageClients storage, IOptions<AccessOptions> options, TimeProvider time)
{
    private TableClient Table => storage.CredentialsTable;

    /// <summary>Issues a new key; returns it whole (the only time it exists outside the caller's hands).</summary>
    public async Task<(StoredCredential Credential, ApiKey Key)> AddAsync(CallerKind kind, string name, IReadOnlyList<string> partners, CancellationToken cancellationToken = default)
    {
        if (!BatchRef.IsValidPartner(name))
        {
            throw new ArgumentException($"'{name}' is not a valid name: {BatchRef.PartnerRule}.", nameof(name));
        }

        if (partners.Any(p => p != Caller.AllPartners && !BatchRef.IsValidPartner(p)))
        {
            throw new ArgumentException($"The scope names a partner that is not valid: {BatchRef.PartnerRule}.", nameof(partners));
        }

        var key = ApiKey.New(kind);
        var salt = RandomNumberGenerator.GetBytes(16);
        var credential = new StoredCredential(kind, key.Id, name, partners, time.GetUtcNow(), null, null);
        var entity = new TableEntity(kind.ToString(), key.Id)
        {
            ["Name"] = name,
            ["Partners"] = string.Join(",", partners),
            ["CreatedAt"] = credential.CreatedAt,
            ["Salt"] = Convert.ToBase64String(salt),
            ["Hash"] = Convert.ToBase64String(Hash(salt, key.Secret)),
        };
        await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return (credential, key);
    }

    /// <summary>The key's record where the key's secret matches (compared in constant time); null otherwise.</summary>
    public async Task<StoredCredential?> VerifyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(key.Kind.ToString(), key.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var expected = Convert.FromBase64String(entity.GetString("Hash") ?? "");
        var actual = Hash(Convert.FromBase64String(entity.GetString("Salt") ?? ""), key.Secret);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? Read(entity) : null;
    }

    public async IAsyncEnumerable<StoredCredential> ListAsync(CallerKind kind, string? name = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = name is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()} and Name eq {name}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return Read(row);
        }
    }

    /// <summary>
    /// Issues a successor key for <paramref name="name"/> with the scope of its newest key; the keys it had keep
    /// working for <see cref="AccessOptions.RotationOverlapHours"/>, then stop. Null where the name has no valid key.
    /// </summary>
    public async Task<(StoredCredential Credential, ApiKey Key, DateTimeOffset OldKeysExpire)?> RotateAsync(CallerKind kind, string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var valid = await ValidKeysAsync(kind, name, now, cancellationToken).ConfigureAwait(false);
        if (valid.Count == 0)
        {
            return null;
        }

        var expires = now.AddHours(options.Value.RotationOverlapHours);
        var (credential, key) = await AddAsync(kind, name, valid.OrderBy(r => r.CreatedAt).Last().Partners, cancellationToken).ConfigureAwait(false);
        foreach (var old in valid.Where(r => r.ExpiresAt is null || r.ExpiresAt > expires))
        {
            await Table.UpdateEntityAsync(new TableEntity(kind.ToString(), old.Id) { ["ExpiresAt"] = expires }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return (credential, key, expires);
    }

    /// <summary>Revokes every valid key of <paramref name="name"/> at once; returns how many.</summary>
    public async Task<int> RevokeAsync(CallerKind kind, string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var valid = await ValidKeysAsync(kind, name, now, cancellationToken).ConfigureAwait(false);
        foreach (var key in valid)
        {
            await Table.UpdateEntityAsync(new TableEntity(kind.ToString(), key.Id) { ["RevokedAt"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return valid.Count;
    }

    /// <summary>Deletes every key record of <paramref name="name"/> (a partner's purge); returns how many.</summary>
    public async Task<int> DeleteAllAsync(CallerKind kind, string name, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var key in ListAsync(kind, name, cancellationToken).ConfigureAwait(false))
        {
            await Table.DeleteEntityAsync(kind.ToString(), key.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Takes <paramref name="partner"/> out of every reviewer key's scope (a partner's purge); a key that reviewed only
    /// that partner is deleted. Returns how many keys changed.
    /// </summary>
    public async Task<int> RemoveFromScopesAsync(string partner, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        await foreach (var key in ListAsync(CallerKind.Reviewer, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!key.Partners.Contains(partner, StringComparer.Ordinal))
            {
                continue;
            }

            var rest = key.Partners.Where(p => p != partner).ToList();
            if (rest.Count == 0)
            {
                await Table.DeleteEntityAsync(CallerKind.Reviewer.ToString(), key.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Table.UpdateEntityAsync(new TableEntity(CallerKind.Reviewer.ToString(), key.Id) { ["Partners"] = string.Join(",", rest) }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }

            changed++;
        }

        return changed;
    }

    private async Task<List<StoredCredential>> ValidKeysAsync(CallerKind kind, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var valid = new List<StoredCredential>();
        await foreach (var key in ListAsync(kind, name, cancellationToken).ConfigureAwait(false))
        {
            if (key.IsValidAt(now))
            {
                valid.Add(key);
            }
        }

        return valid;
    }

    private static StoredCredential Read(TableEntity row) => new(
        Enum.Parse<CallerKind>(row.PartitionKey),
        row.RowKey,
        row.GetString("Name") ?? "",
        (row.GetString("Partners") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("ExpiresAt"),
        row.GetDateTimeOffset("RevokedAt"));

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));
}
