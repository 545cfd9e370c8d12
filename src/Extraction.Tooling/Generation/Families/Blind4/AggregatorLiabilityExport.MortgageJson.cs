using System.Text.Json.Nodes;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class AggregatorLiabilityExport
{
    private static SyntheticDocument AggregatorMortgageJson(Draw draw, DateOnly asOf)
    {
        var servicer = draw.Pick("Mr. Cooper", "Rocket Mortgage", "U.S. Bank Home Mortgage", "Freedom Mortgage", "Truist Mortgage", "NewRez");
        var last4 = draw.Last4();
        var f = MortgageFacts(draw, asOf);
        var escrowBalance = draw.OneIn(6) ? -draw.Amount(90m, 1_400m) : draw.Amount(300m, 8_000m);
        var accountId = PlaidLikeId(draw);
        var zip = Int(draw.Next(10_000, 99_999));
        var root = new JsonObject
        {
            ["accounts"] = new JsonArray
            {
                DepositAccount(draw),
                new JsonObject
                {
                    ["account_id"] = accountId,
                    ["balances"] = new JsonObject { ["available"] = null, ["current"] = Money(f.Principal), ["iso_currency_code"] = "USD", ["limit"] = null, ["unofficial_currency_code"] = null },
                    ["mask"] = last4,
                    ["name"] = "Home Loan",
                    ["official_name"] = null,
                    ["subtype"] = "mortgage",
                    ["type"] = "loan",
                },
            },
            ["item"] = new JsonObject { ["institution_id"] = "ins_" + Int(draw.Next(3, 130_000)), ["institution_name"] = servicer },
            ["liabilities"] = new JsonObject
            {
                ["credit"] = null,
                ["mortgage"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["account_id"] = accountId,
                        ["account_number"] = Int(draw.Next(10_000, 99_999)) + Int(draw.Next(10, 99)) + last4,
                        ["current_late_fee"] = Money(0m),
                        ["escrow_balance"] = Money(escrowBalance),
                        ["has_pmi"] = draw.OneIn(2),
                        ["has_prepayment_penalty"] = false,
                        ["interest_rate"] = new JsonObject { ["percentage"] = Money(f.Rate), ["type"] = "fixed" },
                        ["last_payment_amount"] = Money(f.Payment),
                        ["last_payment_date"] = Iso(f.Due.AddMonths(-1).AddDays(draw.Next(-3, 10))),
                        ["loan_term"] = Int(f.Years) + " year",
                        ["loan_type_description"] = draw.Pick("conventional", "FHA", "VA"),
                        ["maturity_date"] = Iso(new DateOnly(f.Originated.Year, f.Originated.Month, 1).AddMonths((f.Years * 12) + 1)),
                        ["next_monthly_payment"] = Money(f.Payment),
                        ["next_payment_due_date"] = Iso(f.Due),
                        ["origination_date"] = Iso(f.Originated),
                        ["origination_principal_amount"] = Money(f.Original),
                        ["past_due_amount"] = Money(0m),
                        ["property_address"] = new JsonObject { ["city"] = draw.Pick("Tinley Park", "Round Rock", "Gilbert", "Fishers", "Marietta"), ["country"] = "US", ["postal_code"] = zip, ["region"] = draw.Pick("IL", "TX", "AZ", "IN", "GA"), ["street"] = Street(draw) },
                        ["ytd_interest_paid"] = Money(Math.Round(f.Principal * f.Rate / 1200m * asOf.Month, 2)),
                        ["ytd_principal_paid"] = Money(Math.Round((f.PrincipalAndInterest - (f.Principal * f.Rate / 1200m)) * asOf.Month, 2)),
                    },
                },
                ["student"] = null,
            },
            ["request_id"] = ShortCode(draw) + ShortCode(draw),
        };
        var text = $"{draw.Pick("Mortgage liability pulled via aggregator on " + asOf.ToString("MM/dd/yyyy", Inv) + ":", "liabilities response", "Raw aggregator data (mortgage)")}\n{root.ToJsonString(draw.OneIn(4) ? Compact : Indented)}";
        return new(LiabilityType.Mortgage, SourceKind.PortalPage, servicer, text, new ExtractedFields
        {
            PrincipalBalance = f.Principal,
            EscrowBalance = escrowBalance,
            NextPaymentAmount = f.Payment,
            NextPaymentDueDate = f.Due,
            InterestRatePct = f.Rate,
            AccountLast4 = last4,
        });
    }
}
