using System.Text.Json.Nodes;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class AggregatorLiabilityExport
{
    private static SyntheticDocument AggregatorCardJson(Draw draw, DateOnly asOf)
    {
        var (institution, product) = draw.Next(4) switch
        {
            0 => ("Capital One", "Capital One Quicksilver Rewards"),
            1 => ("Chase", "Chase Freedom Unlimited"),
            2 => ("Citi", "Citi Double Cash Card"),
            _ => ("Wells Fargo", "Wells Fargo Active Cash Card"),
        };
        var last4 = draw.Last4();
        var limit = 500m * draw.Next(2, 61);
        var statement = Math.Round((limit * draw.Amount(0.03m, 0.98m)) + draw.Amount(0m, 4.99m), 2);
        var current = Math.Max(0m, statement + draw.Amount(-200m, 400m));
        var minimum = Math.Min(statement, Math.Max(25m, decimal.Round(statement * 0.01m, 0) + draw.Amount(0m, 30m)));
        minimum = draw.OneIn(2) ? decimal.Ceiling(minimum) : Math.Round(minimum, 2);
        var purchaseApr = Math.Round(draw.Rate(17.99m, 29.99m), 2);
        var cashApr = Math.Min(39.99m, purchaseApr + draw.Pick(5, 6, 7));
        var issued = asOf.AddDays(-draw.Next(1, 20));
        var due = issued.AddDays(draw.Next(21, 28));
        var accountId = PlaidLikeId(draw);
        var aprs = new JsonArray
        {
            new JsonObject { ["apr_percentage"] = Money(cashApr), ["apr_type"] = "cash_apr", ["balance_subject_to_apr"] = null, ["interest_charge_amount"] = null },
            new JsonObject { ["apr_percentage"] = Money(purchaseApr), ["apr_type"] = "purchase_apr", ["balance_subject_to_apr"] = Money(Math.Round(statement * 0.9m, 2)), ["interest_charge_amount"] = Money(Math.Round(statement * purchaseApr / 1200m, 2)) },
        };
        if (draw.OneIn(3))
        {
            aprs.Insert(0, new JsonObject { ["apr_percentage"] = Money(0m), ["apr_type"] = "balance_transfer_apr", ["balance_subject_to_apr"] = Money(draw.Amount(100m, 900m)), ["interest_charge_amount"] = Money(0m) });
        }

        var root = new JsonObject
        {
            ["accounts"] = new JsonArray
            {
                new JsonObject
                {
                    ["account_id"] = accountId,
                    ["balances"] = new JsonObject { ["available"] = Money(limit - current), ["current"] = Money(current), ["iso_currency_code"] = "USD", ["limit"] = Money(limit), ["unofficial_currency_code"] = null },
                    ["mask"] = last4,
                    ["name"] = product.Split(' ')[^2] + " " + product.Split(' ')[^1],
                    ["official_name"] = product,
                    ["subtype"] = "credit card",
                    ["type"] = "credit",
                },
                DepositAccount(draw),
            },
            ["item"] = new JsonObject { ["institution_id"] = "ins_" + Int(draw.Next(3, 130_000)), ["institution_name"] = institution },
            ["liabilities"] = new JsonObject
            {
                ["credit"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["account_id"] = accountId,
                        ["aprs"] = aprs,
                        ["is_overdue"] = false,
                        ["last_payment_amount"] = Money(draw.Amount(25m, 600m)),
                        ["last_payment_date"] = Iso(issued.AddDays(-draw.Next(3, 20))),
                        ["last_statement_issue_date"] = Iso(issued),
                        ["last_statement_balance"] = Money(statement),
                        ["minimum_payment_amount"] = Money(minimum),
                        ["next_payment_due_date"] = Iso(due),
                    },
                },
                ["mortgage"] = null,
                ["student"] = null,
            },
            ["request_id"] = ShortCode(draw) + ShortCode(draw),
        };
        var text = $"{draw.Pick("liabilities/get response (pasted from aggregator dashboard):", "// aggregator pull " + Iso(asOf), "Linked account data export")}\n{root.ToJsonString(draw.OneIn(4) ? Compact : Indented)}";
        return new(LiabilityType.CreditCard, SourceKind.PortalPage, institution, text, new ExtractedFields
        {
            StatementBalance = statement,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = purchaseApr,
            CreditLimit = limit,
            AccountLast4 = last4,
        });
    }
}
