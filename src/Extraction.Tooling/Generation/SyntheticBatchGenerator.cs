using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Writes realistic batch.v1 accounts with known answers: call transcripts, payoff letters, mortgage
/// and card statements, student-loan portal pages, with varied lenders, wording and number and date
/// formats. Deterministic for a seed. Every <c>invalidEvery</c>-th line (0: none) is broken on purpose.
/// Documents come from the core families unless others are named (<see cref="DocumentFamilies"/>).
/// </summary>
public sealed class SyntheticBatchGenerator(int seed, int invalidEvery = 0, IReadOnlyList<DocumentFamily>? families = null)
{
    private readonly IReadOnlyList<DocumentFamily> _families = families is { Count: > 0 } ? families : DocumentFamilies.In(FamilySet.Core);

    private static readonly DateOnly Epoch = new(2026, 1, 1);

    public IEnumerable<SyntheticAccount> Generate(int count)
    {
        var random = new Random(seed);
        var (draw, format) = (new Draw(random), new TextFormats(random));
        var totalWeight = _families.Sum(f => f.Weight);
        for (var i = 0; i < count; i++)
        {
            var accountId = $"syn-{seed}-{i:D7}";
            if (invalidEvery > 0 && (i + 1) % invalidEvery == 0)
            {
                yield return Broken(accountId, random);
                continue;
            }

            var asOf = Epoch.AddDays(random.Next(300));
            var family = Pick(_families, random.Next(totalWeight));
            var document = family.Write(draw, format, asOf);
            var line = ContractJson.Serialize(new
            {
                accountId,
                liabilityType = ContractJson.WireName(document.LiabilityType),
                lender = document.Lender,
                asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                source = new { kind = ContractJson.WireName(document.Kind), text = document.Text },
            });
            yield return new SyntheticAccount(accountId, document.LiabilityType, line, document.Fields, family.Name);
        }
    }

    private static DocumentFamily Pick(IReadOnlyList<DocumentFamily> families, int ticket)
    {
        foreach (var family in families)
        {
            if ((ticket -= family.Weight) < 0)
            {
                return family;
            }
        }

        return families[^1];
    }

    private static SyntheticAccount Broken(string accountId, Random random) => random.Next(3) switch
    {
        0 => new(accountId, LiabilityType.Other, $$$"""{"accountId":"{{{accountId}}}","liabilityType":"boat_loan","source":{"kind":"statement","text":"Balance $10.00"}}""", null),
        1 => new(accountId, LiabilityType.Other, $$$"""{"accountId":"{{{accountId}}}","liabilityType":"auto_loan","source":{"kind":"statement"}}""", null),
        _ => new(accountId, LiabilityType.Other, $$$"""{"accountId":"{{{accountId}}}","liabilityType":"auto_loan",""", null),
    };
}
