using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>An email thread, newest first, between a dealer, borrower or refinancing lender and a servicer's payoff desk, in which a later reply updates or corrects an auto or personal loan payoff quote.</summary>
internal static class PayoffEmailThread
{
    public static DocumentFamily Family { get; } = new("payoff-email-thread", FamilySet.HeldOut, 10,
        "payoff email thread, newest first, with quoted replies where a later reply updates or corrects the quote", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] AutoLenders =
    [
        "Summit Ridge Auto Finance|summitridgeauto.com", "Westlake Harbor Auto Credit|westlakeharbor.com", "Keystone Motor Acceptance|keystonemotoracceptance.com",
        "Bluewater Federal Credit Union|bluewaterfcu.org", "Prairie State Auto Lending|prairiestateauto.com", "Cardinal Vehicle Finance|cardinalvf.com",
        "Ironwood Bank Auto Servicing|ironwoodbank.com", "NorthPoint Auto Finance|northpointauto.com",
    ];

    private static readonly string[] PersonalLenders =
    [
        "Lendwell Personal Loans|lendwell.com", "BrightPath Lending|brightpathlending.com", "Harbor Mutual Credit Union|harbormutualcu.org",
        "Upland Consumer Finance|uplandfinance.com", "Meridian Installment Loans|meridianloans.com", "Canyon Savings Bank|canyonsavings.com",
    ];

    private static readonly string[] Firsts = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Aisha", "Kevin", "Megan", "Tran", "Olga", "Darnell", "Priya"];

    private static readonly string[] Lasts = ["Henderson", "Alvarez", "Nguyen", "Okafor", "Sullivan", "Patel", "Kowalski", "Brooks", "Ramirez", "Fischer", "Washington", "Yamamoto", "Delgado", "Hughes"];

    private static readonly string[] Vehicles = ["2019 Honda Accord EX", "2021 Toyota RAV4 XLE", "2018 Ford F-150 XLT", "2020 Chevrolet Equinox LT", "2022 Hyundai Tucson SEL", "2017 Nissan Altima 2.5 S", "2021 Jeep Grand Cherokee Laredo", "2020 Subaru Outback Premium"];

    private static readonly string[] Dealers = ["Lakeside Honda", "Riverside Toyota", "Metro Ford of Columbus", "Sunset Chevrolet", "Greenway Hyundai", "Capitol Nissan", "Hilltop Chrysler Dodge Jeep Ram", "Valley Subaru"];

    private static readonly string[] CreditUnions = ["Evergreen Community Credit Union|evergreenccu.org", "First Harvest Federal Credit Union|firstharvestfcu.org", "Tri-County Teachers Credit Union|tctcu.org", "Granite State Credit Union|granitestatecu.org"];

    private static readonly int[] ValidDays = [7, 10, 10, 10, 14, 15];

    private sealed record Mail(string FromName, string FromAddr, string ToName, string ToAddr, string? Cc, DateTime Sent, string Body);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var auto = draw.Next(3) != 0;
        var lenderPair = (auto ? draw.Pick(AutoLenders) : draw.Pick(PersonalLenders)).Split('|');
        var (lender, domain) = (lenderPair[0], lenderPair[1]);
        var last4 = draw.Last4();
        var fullAccount = draw.Next(10, 100).ToString(Inv) + draw.Next(1000, 10_000).ToString(Inv) + last4;
        var principal = auto ? draw.Amount(3_500m, 41_000m) : draw.Amount(1_200m, 26_000m);
        var rate = Math.Round(auto ? draw.Rate(2.9m, 15.9m) : draw.Rate(6.99m, 24.99m), 2);
        var monthly = Payment(principal, rate, draw.Next(14, 60));
        var borrowerFirst = draw.Pick(Firsts);
        var borrowerLast = draw.Pick(Lasts);
        var borrower = $"{borrowerFirst} {borrowerLast}";
        var vehicle = draw.Pick(Vehicles);
        var vin = Vin(draw);
        var rep = $"{OtherThan(draw, Firsts, borrowerFirst)} {OtherThan(draw, Lasts, borrowerLast)}";
        var repAddr = rep.ToLowerInvariant().Replace(' ', '.') + "@" + domain;
        var deskAddr = draw.Pick("payoffs", "payoff.requests", "lienholder.services", "loanservicing") + "@" + domain;
        var useDesk = draw.OneIn(3);
        var repTitle = draw.Pick("Payoff Specialist", "Loan Servicing Representative", "Lien Payoff Department", "Customer Care Specialist II", "Recovery & Payoff Analyst");
        var phone = Phone(draw, true);
        var ext = draw.Next(1000, 10_000).ToString(Inv);

        // Requester: 0 dealer title clerk (auto only), 1 the borrower, 2 a refinancing credit union.
        var requesterKind = auto ? draw.Next(3) : 1 + draw.Next(2);
        string reqName, reqAddr, reqSig, reqOrg;
        switch (requesterKind)
        {
            case 0:
                reqName = $"{OtherThan(draw, Firsts, borrowerFirst, rep.Split(' ')[0])} {OtherThan(draw, Lasts, borrowerLast, rep.Split(' ')[1])}";
                reqOrg = draw.Pick(Dealers);
                reqAddr = reqName.ToLowerInvariant().Replace(' ', '.')[..1] + reqName.Split(' ')[1].ToLowerInvariant() + "@" + reqOrg.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)[..Math.Min(12, reqOrg.Replace(" ", "", StringComparison.Ordinal).Length)] + ".com";
                reqSig = $"{reqName}\n{draw.Pick("Title Clerk", "Office Manager", "F&I Manager", "Payoff / Title Dept")}\n{reqOrg}\n{Phone(draw, false)}" + (draw.OneIn(2) ? $" | Fax {Phone(draw, false)}" : "");
                break;
            case 1:
                reqName = borrower;
                reqOrg = "";
                reqAddr = borrowerFirst.ToLowerInvariant() + draw.Pick(".", "_", "") + borrowerLast.ToLowerInvariant() + draw.Next(1, 99).ToString(Inv) + "@" + draw.Pick("gmail.com", "yahoo.com", "outlook.com", "icloud.com");
                reqSig = draw.Pick($"Thanks,\n{borrowerFirst}", $"- {borrowerFirst}", $"{borrower}\nSent from my iPhone", $"Thank you,\n{borrower}\n{Phone(draw, false)}");
                break;
            default:
                var cu = draw.Pick(CreditUnions).Split('|');
                reqName = $"{OtherThan(draw, Firsts, borrowerFirst, rep.Split(' ')[0])} {OtherThan(draw, Lasts, borrowerLast, rep.Split(' ')[1])}";
                reqOrg = cu[0];
                reqAddr = reqName.Split(' ')[0][..1].ToLowerInvariant() + reqName.Split(' ')[1].ToLowerInvariant() + "@" + cu[1];
                reqSig = $"{reqName}\nLoan Processor | {cu[0]}\nDirect: {Phone(draw, false)}  NMLS# {draw.Next(400_000, 2_400_000).ToString(Inv)}";
                break;
        }

        var dateStyle = draw.Next(4);
        string D(DateOnly d) => dateStyle switch
        {
            0 => d.ToString("MM/dd/yyyy", Inv),
            1 => d.ToString("MMMM d, yyyy", Inv),
            2 => d.ToString("M/d/yy", Inv),
            _ => d.ToString("MMM d, yyyy", Inv),
        };
        var moneyStyle = draw.Next(5);
        string M(decimal v) => moneyStyle == 4 ? "USD " + v.ToString("#,##0.00", Inv) : v.ToString("$#,##0.00", Inv);

        // Timeline.
        var thanksLast = draw.OneIn(3);
        var updateDate = thanksLast ? asOf.AddDays(-draw.Next(0, 2)) : asOf;
        var quoteDate = updateDate.AddDays(-draw.Next(1, 6));
        var requestDate = draw.OneIn(2) ? quoteDate : quoteDate.AddDays(-1);
        var scenario = draw.Next(5);
        var paidTo = quoteDate.AddDays(scenario == 2 ? -draw.Next(3, 16) : -draw.Next(6, 31));
        var validDays = ValidDays[draw.Next(ValidDays.Length)];
        var good1 = quoteDate.AddDays(validDays);
        var feeKind = draw.Next(4);
        var fee = feeKind switch
        {
            1 => auto ? 15m : 10m,
            2 => auto ? 20m + (5m * draw.Next(3)) : 0m,
            3 => auto ? 5m : 0m,
            _ => 0m,
        };
        var feeLabel = feeKind switch
        {
            1 => auto ? "Lien release fee" : "Payoff processing fee",
            2 => "Title/lien release fee",
            _ => "DMV electronic lien fee",
        };

        decimal Interest(decimal p, DateOnly from, DateOnly to) => Math.Round(p * rate / 36_500m * (to.DayNumber - from.DayNumber), 2);
        var interest1 = Interest(principal, paidTo, good1);
        var payoff1 = principal + interest1 + fee;
        var perDiem1 = Math.Round(principal * rate / 36_500m, 2);

        var statePerDiem = draw.Next(3) != 0;
        var breakdown1 = draw.OneIn(2);
        var stateRate = draw.OneIn(3);
        var stateNext = scenario != 2 && draw.OneIn(4);
        var dueDay = draw.Next(1, 29);
        var nextDue = new DateOnly(quoteDate.Year, quoteDate.Month, dueDay);
        if (nextDue <= quoteDate)
        {
            nextDue = nextDue.AddMonths(1);
        }

        // The final, valid values.
        decimal payoff = payoff1, principalNow = principal, perDiem = perDiem1, interestNow = interest1, lateFee = 0m;
        var good = good1;
        DateOnly shownGood1 = good1;
        decimal shownPayoff1 = payoff1;
        DateOnly payDate = quoteDate;
        switch (scenario)
        {
            case 0: // extension
                good = good1.AddDays(draw.Next(4, 13));
                interestNow = Interest(principal, paidTo, good);
                payoff = principal + interestNow + fee;
                break;
            case 1: // omitted late charge
                lateFee = draw.Next(3) switch { 0 => 25m, 1 => 35m, _ => Math.Round(monthly * 0.05m, 2) };
                payoff = payoff1 + lateFee;
                break;
            case 2: // payment posted after the quote
                payDate = quoteDate.AddDays(draw.Next(0, updateDate.DayNumber - quoteDate.DayNumber));
                var interestPart = Interest(principal, paidTo, payDate);
                var principalPart = Math.Max(monthly - interestPart, Math.Round(monthly * 0.3m, 2));
                principalNow = principal - principalPart;
                good = updateDate.AddDays(validDays);
                interestNow = Interest(principalNow, payDate, good);
                payoff = principalNow + interestNow + fee;
                perDiem = Math.Round(principalNow * rate / 36_500m, 2);
                nextDue = new DateOnly(payDate.Year, payDate.Month, Math.Clamp(payDate.Day + draw.Next(-3, 8), 1, 28)).AddMonths(1);
                break;
            case 3: // good-through date typo
                shownGood1 = good1.Month <= 2 && draw.OneIn(2) ? good1.AddYears(-1) : good1.AddMonths(-1);
                break;
            default: // transposed digits in the total
                shownPayoff1 = Transpose(payoff1, draw);
                break;
        }

        var statePrincipal = breakdown1 || scenario == 2;
        var subject = draw.Next(4) switch
        {
            0 => $"Payoff request - {borrowerLast} - acct ending {last4}",
            1 => auto ? $"Payoff Request: {borrower} / {vehicle}" : $"Payoff quote request - {borrower}",
            2 => $"10 day payoff - {borrower.ToUpperInvariant()}",
            _ => $"Payoff letter needed - loan x{last4}",
        };

        // Message 1: the request.
        var greetingSvc = draw.Pick("Hello,", "Hi,", "Good morning,", "Good afternoon,", "To whom it may concern,");
        var requestBody = requesterKind switch
        {
            0 => $"{greetingSvc}\n\nWe are taking the following vehicle in on trade and need a {validDays}-day payoff with per diem.\n\nCustomer: {borrower}\nAcct #: {fullAccount}\nVehicle: {vehicle}\nVIN: {vin}\nMileage: {draw.Next(18_000, 96_000).ToString("#,##0", Inv)}\n\nPlease also confirm you hold the title (paper or electronic). Deal #{draw.Next(10_000, 99_999).ToString(Inv)}.\n\n{reqSig}",
            1 => $"{greetingSvc}\n\nI'd like to pay off my {(auto ? "car loan" : "loan")} (account ending {last4}) and need the payoff amount. {draw.Pick("Can you email me a payoff quote?", "Please send the total I need to pay it off completely.", "What is the full amount to close this out?")} My phone is {Phone(draw, false)} if you need to verify anything.\n\n{reqSig}",
            _ => $"{greetingSvc}\n\nOur member {borrower} is refinancing {(auto ? "their auto loan" : "their personal loan")} with {reqOrg}. Attached is the signed borrower authorization. Please provide a payoff statement good for {validDays} days, including per diem and mailing/wire instructions.\n\nBorrower: {borrower}\nAccount: ending in {last4}\n{(auto ? "VIN: " + vin + "\n" : "")}\n{reqSig}",
        };

        // Message 2: the first quote.
        var recipientFirst = requesterKind == 1 ? borrowerFirst : reqName.Split(' ')[0];
        var feeLine = fee > 0 ? feeLabel : null;
        var quote1Block = QuoteBlock(draw, D, M, last4, breakdown1 ? principal : null, interest1, paidTo, good1, feeLine, fee, 0m, shownPayoff1, shownGood1, statePerDiem ? perDiem1 : null);
        var rateLine = stateRate ? $"\nContract rate: {rate.ToString("0.00", Inv)}% {draw.Pick("APR", "simple interest", "fixed")}\n" : "";
        var nextLine = stateNext
            ? $"\nPlease note: the next scheduled payment of {M(monthly)} is due {D(nextDue)}. If the payoff will not reach us before then, that payment should still be made to avoid a late charge.\n"
            : "";
        var instructions = Instructions(draw, lender, last4, auto);
        var repSig = $"{rep}\n{repTitle}\n{lender}\nPhone: {phone} ext. {ext}" + (draw.OneIn(2) ? $" | Fax: {Phone(draw, true)}" : "") + "\n" + draw.Pick("Hours: Mon-Fri 8:00 a.m. - 8:00 p.m. ET, Sat 9-1", "Mon-Fri 7am-6pm CT", "www." + domain);
        var disclaimer = Disclaimer(draw, lender);
        var quoteBody = $"{draw.Pick("Hi", "Hello", "Good morning", "Dear")} {recipientFirst},\n\n{draw.Pick("Thank you for your request. ", "", "Thanks for reaching out. ")}{draw.Pick("The payoff figures for the account referenced above are as follows:", "Here is the payoff quote you requested:", "Please see the payoff information below:")}\n\n{quote1Block}\n{rateLine}{nextLine}\n{instructions}\n\n{repSig}\n\n{disclaimer}";

        var mails = new List<Mail>();
        var svcFrom = useDesk ? $"{lender} Payoff Department" : rep;
        var svcAddr = useDesk ? deskAddr : repAddr;
        var t0 = At(requestDate, draw.Next(8, 12), draw.Next(60));
        mails.Add(new Mail(reqName, reqAddr, useDesk ? "Payoffs" : svcFrom, svcAddr, null, t0, requestBody));
        var t1 = quoteDate == requestDate ? t0.AddMinutes(draw.Next(40, 300)) : At(quoteDate, draw.Next(9, 16), draw.Next(60));
        mails.Add(new Mail(svcFrom, svcAddr, reqName, reqAddr, null, t1, quoteBody));

        // Message 3 (optional): the requester asks for the update.
        var updateTime = At(updateDate, draw.Next(9, 17), draw.Next(60));
        if (updateTime <= t1)
        {
            updateTime = t1.AddMinutes(draw.Next(30, 200));
        }

        if (scenario is 0 or 2)
        {
            var askTime = t1.AddMinutes((updateTime - t1).TotalMinutes * 0.5);
            if (scenario == 2 && DateOnly.FromDateTime(askTime) < payDate)
            {
                askTime = payDate.ToDateTime(new TimeOnly(draw.Next(17, 22), draw.Next(60)));
            }

            var askBody = scenario == 0
                ? $"{draw.Pick("Hi", "Hello", "Thanks")} {rep.Split(' ')[0]},\n\n{draw.Pick("Funding on our end got pushed back.", "The customer won't be able to sign until next week.", "Our closing date moved.")} Can you please extend the payoff through {D(good)}?\n\n{reqSig}"
                : requesterKind == 1
                    ? $"Hi,\n\nI just made my regular payment of {M(monthly)} on {D(payDate)}{draw.Pick(" before I saw your email", "", " through autopay")}. Does that change the payoff amount? Please send an updated figure.\n\n{reqSig}"
                    : $"Hi,\n\nThe borrower tells us {draw.Pick("she", "he", "they")} made the regular payment of {M(monthly)} on {D(payDate)}. Can you send an updated payoff reflecting that payment?\n\n{reqSig}";
            mails.Add(new Mail(reqName, reqAddr, svcFrom, svcAddr, null, askTime, askBody));
        }

        // Message 4: the update or correction.
        var nextAfterPayment = scenario == 2 && draw.OneIn(2);
        stateNext |= nextAfterPayment;
        var updateBody = scenario switch
        {
            0 => $"{recipientFirst},\n\n{draw.Pick("No problem.", "Sure thing.", "Done.")} Updated payoff below:\n\n" + QuoteBlock(draw, D, M, last4, breakdown1 && draw.OneIn(2) ? principal : null, interestNow, paidTo, good, feeLine, fee, 0m, payoff, good, statePerDiem && draw.OneIn(2) ? perDiem : null)
                + $"\n\nThe previous quote ({M(payoff1)} through {D(good1)}) is superseded.",
            1 => $"{recipientFirst},\n\n{draw.Pick("Please disregard the payoff I sent earlier", "Correction to my previous email")} - it did not include an outstanding late charge of {M(lateFee)}. The corrected payoff{(draw.OneIn(2) ? $", good through {D(good)}," : "")} is {M(payoff)}.{(statePerDiem ? $" Per diem remains {M(perDiem)}." : "")}\n\n" + (draw.OneIn(2) ? QuoteBlock(draw, D, M, last4, breakdown1 ? principal : null, interestNow, paidTo, good, feeLine, fee, lateFee, payoff, good, null) + "\n\n" : "") + "Sorry for any confusion.",
            2 => $"Hi {recipientFirst},\n\nYes - the payment posted on {D(payDate)}, so the payoff has changed. Here is the revised quote:\n\n" + QuoteBlock(draw, D, M, last4, principalNow, interestNow, payDate, good, feeLine, fee, 0m, payoff, good, statePerDiem ? perDiem : null)
                + (nextAfterPayment ? $"\n\nYour next payment of {M(monthly)} would be due {D(nextDue)} if the loan is not paid off by then." : ""),
            3 => $"{draw.Pick("Hi", "Hello")} {recipientFirst},\n\nQuick correction: the good-through date on the quote below should read {D(good)}, not {D(shownGood1)}. The payoff amount of {M(payoff)} is correct{(statePerDiem ? $", and per diem is still {M(perDiem)}" : "")}.",
            _ => $"{recipientFirst},\n\nMy apologies - there was a typo in the total on my earlier email. The correct payoff amount is {M(payoff)} (not {M(shownPayoff1)}), good through {D(good)}.{(statePerDiem && draw.OneIn(2) ? $" Per diem {M(perDiem)}." : "")}",
        };
        if (scenario == 2 && stateRate is false && draw.OneIn(3))
        {
            stateRate = true;
            updateBody += $"\n\n(Interest accrues at {rate.ToString("0.00", Inv)}% on the remaining principal.)";
        }

        updateBody += $"\n\n{(draw.OneIn(2) ? repSig : rep.Split(' ')[0] + "\n" + lender)}\n\n{disclaimer}";
        mails.Add(new Mail(svcFrom, svcAddr, reqName, reqAddr, draw.OneIn(4) ? $"{lender} Payoffs <{deskAddr}>" : null, updateTime, updateBody));

        if (thanksLast)
        {
            var thanksTime = updateDate == asOf ? updateTime.AddMinutes(draw.Next(10, 180)) : At(asOf, draw.Next(8, 11), draw.Next(60));
            var thanksBody = draw.Next(3) switch
            {
                0 => $"Got it, thank you! {draw.Pick("Check will go out overnight today.", "We'll wire the funds tomorrow.", "Sending payment today.")}\n\n{reqSig}",
                1 => $"Thanks {rep.Split(' ')[0]}. {(requesterKind == 0 ? $"Check #{draw.Next(10_000, 99_999).ToString(Inv)} will be sent FedEx, tracking to follow." : "Appreciate the quick turnaround.")}\n\n{reqSig}",
                _ => $"Received, thanks. Can you also confirm where the {(auto ? "title" : "paid-in-full letter")} will be mailed once this is paid?\n\n{reqSig}",
            };
            mails.Add(new Mail(reqName, reqAddr, svcFrom, svcAddr, null, thanksTime, thanksBody));
        }

        var text = Render(draw, mails, subject);
        var fields = new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = good,
            PerDiem = statePerDiem ? perDiem : null,
            PrincipalBalance = statePrincipal ? principalNow : null,
            InterestRatePct = stateRate ? rate : null,
            NextPaymentAmount = stateNext ? monthly : null,
            NextPaymentDueDate = stateNext ? nextDue : null,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(auto ? LiabilityType.AutoLoan : LiabilityType.PersonalLoan, SourceKind.Other, lender, text, fields);
    }

    private static string QuoteBlock(Draw draw, Func<DateOnly, string> d, Func<decimal, string> m, string last4, decimal? principal, decimal interest, DateOnly from, DateOnly through,
        string? feeLabel, decimal fee, decimal lateFee, decimal total, DateOnly shownGood, decimal? perDiem)
    {
        var sb = new StringBuilder();
        if (principal is { } p && draw.OneIn(3) is false)
        {
            var w = 32;
            sb.Append("Account Number:".PadRight(w)).Append(draw.Pick("XXXXXX", "******", "ending ")).Append(last4).Append('\n');
            sb.Append("Principal Balance:".PadRight(w)).Append(m(p)).Append('\n');
            sb.Append(Pad("Interest " + d(from) + " - " + d(through) + ":", w)).Append(m(interest)).Append('\n');
            if (feeLabel is not null)
            {
                sb.Append(Pad(feeLabel + ":", w)).Append(m(fee)).Append('\n');
            }

            if (lateFee > 0)
            {
                sb.Append("Late Charges Due:".PadRight(w)).Append(m(lateFee)).Append('\n');
            }

            sb.Append(new string('-', w + 12)).Append('\n');
            sb.Append("TOTAL PAYOFF AMOUNT:".PadRight(w)).Append(m(total)).Append('\n');
            sb.Append("Good Through:".PadRight(w)).Append(d(shownGood)).Append('\n');
            if (perDiem is { } pd)
            {
                sb.Append("Per Diem (after good-through): ").Append(m(pd)).Append('\n');
            }

            return sb.ToString().TrimEnd();
        }

        if (principal is { } p2)
        {
            sb.Append(Inv, $"The payoff amount for account ending in {last4} is {m(total)}, good through {d(shownGood)}. ");
            sb.Append(Inv, $"This is made up of the unpaid principal balance of {m(p2)}, interest of {m(interest)} from {d(from)}");
            sb.Append(feeLabel is not null ? $", and a {feeLabel.ToLowerInvariant()} of {m(fee)}" : "");
            sb.Append(lateFee > 0 ? $", plus late charges of {m(lateFee)}" : "");
            sb.Append('.');
            if (perDiem is { } pd)
            {
                sb.Append(Inv, $" If funds arrive after {d(shownGood)}, add {m(pd)} per day.");
            }

            return sb.ToString();
        }

        if (draw.OneIn(2))
        {
            sb.Append(Inv, $"Acct ending {last4}\nPayoff amount: {m(total)}\nGood thru: {d(shownGood)}");
            if (perDiem is { } pd)
            {
                sb.Append(Inv, $"\nPer diem: {m(pd)}");
            }

            return sb.ToString();
        }

        sb.Append(Inv, $"To pay the account ending {last4} in full, we must receive {m(total)} on or before {d(shownGood)}.");
        if (perDiem is { } pd2)
        {
            sb.Append(Inv, $" Interest accrues at {m(pd2)} per day thereafter.");
        }

        return sb.ToString();
    }

    private static string Instructions(Draw draw, string lender, string last4, bool auto) => draw.Next(3) switch
    {
        0 => $"Make certified funds payable to {lender} and send to:\n  {lender}\n  Attn: Payoff Processing\n  P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}\n  {draw.Pick("Dallas, TX 75265", "Phoenix, AZ 85072", "Charlotte, NC 28272", "Columbus, OH 43218", "Minneapolis, MN 55480")}-{draw.Next(1000, 9999).ToString(Inv)}\nPlease reference the account number on the check.",
        1 => $"Wire instructions: ABA {draw.Next(10_000_000, 99_999_999).ToString(Inv)}{draw.Next(10).ToString(Inv)}, Acct {draw.Next(100_000_000, 999_999_999).ToString(Inv)}, Ref: payoff x{last4} / borrower last name. {(auto ? "Personal checks may delay release of the lien by up to 10 business days." : "Please allow 7-10 business days for the paid-in-full letter.")}",
        _ => $"Overnight payments: {lender}, {draw.Next(100, 9999).ToString(Inv)} {draw.Pick("Corporate Dr", "Commerce Pkwy", "Lakeview Blvd", "Main St")}, Suite {draw.Next(100, 600).ToString(Inv)}, {draw.Pick("Irving, TX 75038", "Tempe, AZ 85281", "Troy, MI 48084", "Tampa, FL 33607")}. {(auto ? "The title will be released within 10 business days after the payoff clears." : "A paid-in-full letter will be mailed once funds clear.")} This quote is subject to final audit; any overpayment will be refunded.",
    };

    private static string Disclaimer(Draw draw, string lender) => draw.Next(4) switch
    {
        0 => "CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the named recipient(s) and may contain confidential or privileged information. If you received this in error, please notify the sender and delete it.",
        1 => $"This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.\n{lender} will never ask for your full Social Security number or password by email.",
        2 => "*** EXTERNAL: This message originated outside the organization. Do not click links or open attachments unless you recognize the sender. ***",
        _ => $"Please do not send account numbers or other sensitive information by unsecured email. (c) {lender}. Member FDIC. Equal Housing Lender.",
    };

    private static string Render(Draw draw, List<Mail> mails, string subject)
    {
        var style = draw.Next(3);
        var newest = mails[^1];
        var sb = new StringBuilder();
        var prefix = mails.Count - 1;
        string Subj(int i) => (i == 0 ? "" : string.Concat(Enumerable.Repeat(draw.OneIn(6) ? "Re: " : "RE: ", Math.Min(i, 2)))) + subject;
        sb.Append(Inv, $"From: {newest.FromName} <{newest.FromAddr}>\n");
        sb.Append(style == 1 ? $"Date: {newest.Sent.ToString("ddd, d MMM yyyy HH:mm:ss", Inv)} -0{(newest.Sent.Month is > 3 and < 11 ? draw.Pick("4", "5", "7") : draw.Pick("5", "6", "8"))}00\n" : $"Sent: {newest.Sent.ToString("dddd, MMMM d, yyyy h:mm tt", Inv)}\n");
        sb.Append(Inv, $"To: {newest.ToName} <{newest.ToAddr}>\n");
        if (newest.Cc is not null)
        {
            sb.Append(Inv, $"Cc: {newest.Cc}\n");
        }

        sb.Append(Inv, $"Subject: {Subj(prefix)}\n\n");
        if (style == 1)
        {
            sb.Append(GmailBody(mails, mails.Count - 1));
        }
        else
        {
            sb.Append(newest.Body);
            for (var i = mails.Count - 2; i >= 0; i--)
            {
                var m = mails[i];
                sb.Append(style == 0 ? "\n\n-----Original Message-----\n" : "\n\n________________________________\n");
                sb.Append(Inv, $"From: {m.FromName} <{m.FromAddr}>\nSent: {m.Sent.ToString("dddd, MMMM d, yyyy h:mm tt", Inv)}\nTo: {m.ToName} <{m.ToAddr}>\n");
                if (m.Cc is not null)
                {
                    sb.Append(Inv, $"Cc: {m.Cc}\n");
                }

                sb.Append(Inv, $"Subject: {Subj(i)}\n\n{m.Body}");
            }
        }

        return sb.ToString().Replace(" \n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
    }

    private static string GmailBody(List<Mail> mails, int i)
    {
        var m = mails[i];
        if (i == 0)
        {
            return m.Body;
        }

        var prev = mails[i - 1];
        var quoted = string.Join('\n', GmailBody(mails, i - 1).Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));
        return $"{m.Body}\n\nOn {prev.Sent.ToString("ddd, MMM d, yyyy", Inv)} at {prev.Sent.ToString("h:mm tt", Inv)} {prev.FromName} <{prev.FromAddr}> wrote:\n{quoted}";
    }

    private static string Pad(string label, int width) => label.PadRight(Math.Max(width, label.Length + 2));

    private static string OtherThan(Draw draw, string[] names, params string[] taken)
    {
        var name = draw.Pick(names);
        for (var i = 0; i < 8 && taken.Contains(name); i++)
        {
            name = draw.Pick(names);
        }

        return name;
    }

    private static DateTime At(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute));

    private static decimal Payment(decimal principal, decimal rate, int months)
    {
        var r = (double)rate / 1200d;
        return Math.Round((decimal)((double)principal * r / (1 - Math.Pow(1 + r, -months))), 2);
    }

    private static decimal Transpose(decimal amount, Draw draw)
    {
        var s = amount.ToString("0.00", Inv).ToCharArray();
        var dollars = Array.IndexOf(s, '.');
        for (var tries = 0; tries < 10; tries++)
        {
            var i = draw.Next(1, dollars - 1);
            if (s[i] != s[i + 1])
            {
                (s[i], s[i + 1]) = (s[i + 1], s[i]);
                return decimal.Parse(new string(s), Inv);
            }
        }

        return amount + 100m;
    }

    private static string Vin(Draw draw)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var sb = new StringBuilder();
        for (var i = 0; i < 11; i++)
        {
            sb.Append(chars[draw.Next(chars.Length)]);
        }

        return sb.Append(draw.Next(100_000, 1_000_000).ToString(Inv)).ToString();
    }

    private static string Phone(Draw draw, bool tollFree) => tollFree
        ? $"1-{draw.Pick("800", "888", "877", "866")}-555-{draw.Next(100, 200).ToString("D4", Inv)}"
        : $"({draw.Next(201, 990).ToString(Inv)}) 555-{draw.Next(100, 200).ToString("D4", Inv)}";
}
