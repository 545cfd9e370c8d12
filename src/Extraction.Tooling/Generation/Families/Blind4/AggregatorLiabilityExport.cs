using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class AggregatorLiabilityExport
{
    public static DocumentFamily Family { get; } = new("aggregator-liability-export", FamilySet.HeldOut, 10, "Liability data pasted from a data aggregator's JSON, a servicer portal copied as label/value text, or a student-loan CSV export.", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf) => draw.Next(4) switch
    {
        0 => AggregatorCardJson(draw, asOf),
        1 => AggregatorMortgageJson(draw, asOf),
        2 => PortalMortgageCopy(draw, asOf),
        _ => StudentLoanCsv(draw, asOf),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonValue Money(decimal v) => JsonValue.Create((double)v);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string PlaidLikeId(Draw draw)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[37];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[draw.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static JsonObject DepositAccount(Draw draw)
    {
        var balance = draw.Amount(40m, 9_000m);
        return new JsonObject
        {
            ["account_id"] = PlaidLikeId(draw),
            ["balances"] = new JsonObject { ["available"] = Money(balance), ["current"] = Money(balance + draw.Amount(0m, 80m)), ["iso_currency_code"] = "USD", ["limit"] = null, ["unofficial_currency_code"] = null },
            ["mask"] = draw.Last4(),
            ["name"] = draw.Pick("Everyday Checking", "Premier Checking", "Total Checking", "Free Checking"),
            ["official_name"] = null,
            ["subtype"] = "checking",
            ["type"] = "depository",
        };
    }

    private static (decimal Principal, decimal Rate, decimal Payment, decimal PrincipalAndInterest, decimal Escrow, DateOnly Due, decimal Original, DateOnly Originated, int Years) MortgageFacts(Draw draw, DateOnly asOf)
    {
        var years = draw.OneIn(4) ? 15 : 30;
        var rate = 2.5m + (0.125m * draw.Next(0, 46));
        var original = Math.Round(draw.Amount(90_000m, 720_000m) / 500m, 0) * 500m;
        var originated = asOf.AddDays(-draw.Next(200, 3_600));
        var elapsed = (((asOf.Year * 12) + asOf.Month) - ((originated.Year * 12) + originated.Month));
        var pi = Installment(original, rate, years * 12);
        var principal = Remaining(original, rate, pi, Math.Min(elapsed, (years * 12) - 12));
        var escrow = draw.Amount(150m, 1_100m);
        var due = FirstOfNextMonth(asOf);
        return (principal, rate, pi + escrow, pi, escrow, due, original, originated, years);
    }
}
