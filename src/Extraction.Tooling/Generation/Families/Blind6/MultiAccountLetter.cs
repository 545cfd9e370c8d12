using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>A bank or credit union letter that lists several loans of one customer while its "Re:" line names the one account the letter is about.</summary>
internal static class MultiAccountLetter
{
    public static DocumentFamily Family { get; } = new("multi-account-letter-re-line", FamilySet.HeldOut, 10,
        "Bank or credit union letter listing two or three of a customer's accounts; the Re: line names the one account the letter is for", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Lenders =
    [
        "Navy Federal Credit Union", "PNC Bank", "Regions Bank", "Truist Bank", "BECU", "PenFed Credit Union", "Alliant Credit Union",
        "Citizens Bank", "KeyBank", "Huntington National Bank", "America First Credit Union", "Golden 1 Credit Union",
        "Desert Financial Credit Union", "First Horizon Bank", "Fifth Third Bank", "Mountain America Credit Union",
    ];

    private static readonly string[] Customers =
    [
        "Daniel and Maria Ortega", "Karen L. Whitfield", "Terrence Hall", "Megan O'Connor", "Raj and Anita Mehta", "Lucas Pereira",
        "Shanice Williams", "Gregory T. Novak", "Ellen Fitzgerald", "Victor and Rosa Alvarez", "Hung Tran", "Courtney Blake",
    ];

    private sealed record Account(LiabilityType Type, string Name, string Last4, decimal Principal, decimal Rate, decimal Payment,
        decimal? PrincipalAndInterest, decimal? Escrow, DateOnly NextDue, decimal Payoff, decimal PerDiem, decimal Original, DateOnly Opened,
        decimal? CardLimit);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(Lenders);
        var customer = draw.Pick(Customers);
        var letterDate = asOf.AddDays(-draw.Next(1, 6));
        var goodThrough = asOf.AddDays(draw.Next(9, 22));
        // Two or three accounts, all different last fours; the first loan is the one the letter is about.
        var used = new HashSet<string>();
        var types = new List<LiabilityType>();
        var loanKinds = new List<LiabilityType> { LiabilityType.AutoLoan, LiabilityType.PersonalLoan, LiabilityType.Mortgage };
        var targetType = loanKinds[draw.Next(loanKinds.Count)];
        var shape = targetType == LiabilityType.Mortgage ? draw.Next(2) : draw.Next(3);
        types.Add(targetType);
        loanKinds.Remove(targetType);
        var others = draw.Next(1, 3);
        for (var i = 0; i < others; i++)
        {
            if (shape == 1 && draw.OneIn(3) && !types.Contains(LiabilityType.CreditCard))
            {
                types.Add(LiabilityType.CreditCard);
                continue;
            }

            var t = draw.OneIn(4) || loanKinds.Count == 0 ? targetType : loanKinds[draw.Next(loanKinds.Count)];
            if (t == LiabilityType.Mortgage && types.Contains(LiabilityType.Mortgage))
            {
                t = LiabilityType.PersonalLoan;
            }

            types.Add(t);
            loanKinds.Remove(t);
        }

        var accounts = types.Select(t => MakeAccount(draw, t, asOf, goodThrough, used)).ToList();
        var target = accounts[0];

        // The target is not always listed first.
        var listed = accounts.ToList();
        if (draw.Next(3) != 0)
        {
            listed.RemoveAt(0);
            listed.Insert(draw.Next(1, listed.Count + 1), target);
        }

        var dollar = draw.Next(4) != 0;
        string M(decimal a) => (dollar ? "$" : "") + a.ToString("#,##0.00", Inv);
        var dateFormat = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "M/d/yyyy");
        string D(DateOnly d) => d.ToString(dateFormat, Inv);
        string P(decimal r) => r.ToString(r == Math.Round(r, 2) ? "0.00" : "0.000", Inv) + "%";
        var masked = draw.Pick("ending in {0}", "ending {0}", "XXXXXX{0}", "****{0}", "no. ending {0}");
        string Ref(Account a) => string.Format(Inv, masked, a.Last4);

        var text = new StringBuilder();
        text.AppendLine(lender);
        text.AppendLine(Inv, $"{draw.Pick("Consumer Lending", "Loan Servicing", "Member Services", "Loan Operations")} | P.O. Box {draw.Next(1000, 99999)} | {draw.Pick("Pittsburgh, PA 15230", "Vienna, VA 22180", "Birmingham, AL 35202", "Cleveland, OH 44101", "Salt Lake City, UT 84130", "Sacramento, CA 95853")}");
        text.AppendLine();
        text.AppendLine(D(letterDate));
        text.AppendLine();
        text.AppendLine(customer);
        text.AppendLine(Inv, $"{draw.Next(100, 9999)} {draw.Pick("Elm St", "Brookside Dr", "Quail Run", "N Lamar Blvd", "Harbor View Ct", "Walnut Ave")}");
        text.AppendLine(draw.Pick("Tulsa, OK 74105", "Chandler, AZ 85224", "Raleigh, NC 27609", "Boise, ID 83704", "Dayton, OH 45429"));
        text.AppendLine();

        var reLabel = draw.Pick("Re:", "RE:", "Subject:", "Regarding:", "Reference:");
        var named = draw.OneIn(2) ? TypeName(target) + " " : "";
        var salutation = $"Dear {customer.Split(' ')[0]}{(customer.Contains(" and ", StringComparison.Ordinal) ? " and " + customer.Split(' ')[2] : "")}:";
        ExtractedFields fields;
        SourceKind kind;

        if (shape == 0)
        {
            // Payoff package: one table of every loan, the Re: line says which payoff was asked for.
            text.AppendLine(Inv, $"{reLabel} Payoff request - {named}account {Ref(target)}");
            text.AppendLine();
            text.AppendLine(salutation);
            text.AppendLine();
            text.AppendLine(draw.Pick(
                $"Thank you for your request. The payoff for the loan referenced above is shown below and is good through {D(goodThrough)}.",
                $"As you requested, here is the payoff information for the account referenced above, good through {D(goodThrough)}."));
            text.AppendLine(draw.Pick(
                "Because you have other loans with us, we have also listed their current payoff figures for your information. Each loan must be paid off separately, and a payoff on one loan does not pay off the others.",
                "For your convenience, payoff figures for your other loans with us are listed as well; they are provided for information only."));
            text.AppendLine();
            var withRate = draw.OneIn(2);
            text.AppendLine(Inv, $"{"Loan",-20}{"Account",-12}{"Principal",14}{"Interest",12}{"Fees",10}{"Payoff Amount",16}{"Per Diem",10}{(withRate ? "     Rate" : "")}");
            foreach (var a in listed)
            {
                var interest = a.Payoff - a.Principal - Fee(a);
                text.AppendLine(Inv, $"{TypeName(a),-20}{"..." + a.Last4,-12}{Bare(a.Principal),14}{Bare(interest),12}{Bare(Fee(a)),10}{Bare(a.Payoff),16}{Bare(a.PerDiem),10}{(withRate ? "   " + P(a.Rate) : "")}");
            }

            text.AppendLine();
            text.AppendLine(Inv, $"All figures are good through {D(goodThrough)}. After that date, add the per diem shown for each additional day.");
            text.AppendLine("Fees shown include any lien or deed of trust release fee. Payoff funds must be certified funds or a wire transfer.");
            text.AppendLine(Inv, $"Wire to: {lender}, ABA {draw.Pick("256074974", "043000096", "062000080", "061000104")}, Account {draw.Next(10_000_000, 99_999_999)}, reference the account number being paid off.");
            fields = new ExtractedFields
            {
                PayoffAmount = target.Payoff,
                PayoffGoodThrough = goodThrough,
                PerDiem = target.PerDiem,
                PrincipalBalance = target.Principal,
                InterestRatePct = withRate ? Norm(target.Rate) : null,
                AccountLast4 = target.Last4,
            };
            kind = SourceKind.PayoffLetter;
        }
        else if (shape == 1)
        {
            // Loan verification: the target in detail, the others in a short table.
            text.AppendLine(Inv, $"{reLabel} {draw.Pick("Verification of loan", "Loan verification", "Account verification")} - {named}account {Ref(target)}");
            text.AppendLine();
            text.AppendLine(draw.Pick("To whom it may concern:", salutation));
            text.AppendLine();
            text.AppendLine(draw.Pick(
                "At the request of our borrower, we confirm the following information about the loan referenced above as of the date of this letter:",
                "This letter verifies the status of the account referenced above. The information is current as of the date of this letter:"));
            text.AppendLine();
            text.AppendLine(Inv, $"   Loan type:                {TypeName(target)}");
            text.AppendLine(Inv, $"   Date opened:              {D(target.Opened)}");
            text.AppendLine(Inv, $"   Original loan amount:     {M(target.Original)}");
            text.AppendLine(Inv, $"   Current principal balance: {M(target.Principal)}");
            text.AppendLine(Inv, $"   Interest rate:            {P(target.Rate)}{(target.Type == LiabilityType.Mortgage ? " fixed" : "")}");
            if (target.PrincipalAndInterest is { } pi)
            {
                text.AppendLine(Inv, $"   Principal and interest:   {M(pi)}");
                text.AppendLine(Inv, $"   Escrow (taxes/insurance): {M(target.Payment - pi)}");
                text.AppendLine(Inv, $"   Total monthly payment:    {M(target.Payment)}");
                text.AppendLine(Inv, $"   Escrow account balance:   {M(target.Escrow!.Value)}");
            }
            else
            {
                text.AppendLine(Inv, $"   Monthly payment:          {M(target.Payment)}");
            }

            text.AppendLine(Inv, $"   Next payment due:         {D(target.NextDue)}");
            text.AppendLine(Inv, $"   Payment history:          {draw.Pick("No late payments in the past 12 months", "Paid as agreed", "0 x 30 days late in the last 24 months")}");
            text.AppendLine();
            text.AppendLine(draw.Pick("For your records, your other accounts with us are:", "The borrower also has the following accounts with us (not the subject of this letter):"));
            foreach (var a in listed.Where(a => !ReferenceEquals(a, target)))
            {
                text.AppendLine(a.Type == LiabilityType.CreditCard
                    ? $"   - {TypeName(a)} {Ref(a)}: balance {M(a.Principal)}, credit limit {M(a.CardLimit!.Value)}"
                    : $"   - {TypeName(a)} {Ref(a)}: principal balance {M(a.Principal)}, rate {P(a.Rate)}, monthly payment {M(a.Payment)}, next due {D(a.NextDue)}");
            }

            text.AppendLine();
            text.AppendLine("This letter is not a payoff statement. Please contact us for payoff figures.");
            fields = new ExtractedFields
            {
                PrincipalBalance = target.Principal,
                EscrowBalance = target.Escrow,
                NextPaymentAmount = target.Payment,
                NextPaymentDueDate = target.NextDue,
                InterestRatePct = Norm(target.Rate),
                AccountLast4 = target.Last4,
            };
            kind = SourceKind.Other;
        }
        else
        {
            // Due date change: the target's new due date, the others unchanged.
            var oldDay = target.NextDue.Day;
            var newDay = PickInt(draw, 1, 5, 10, 15, 20, 25, 28);
            if (newDay == oldDay)
            {
                newDay = oldDay == 28 ? 15 : 28;
            }

            var month = new DateOnly(asOf.Year, asOf.Month, 1);
            var newDue = month.AddDays(newDay - 1);
            while (newDue <= asOf.AddDays(6))
            {
                newDue = newDue.AddMonths(1);
            }

            target = target with { NextDue = newDue };
            text.AppendLine(Inv, $"{reLabel} Change of payment due date - {named}account {Ref(target)}");
            text.AppendLine();
            text.AppendLine(salutation);
            text.AppendLine();
            text.AppendLine(Inv, $"As you requested, we have changed the payment due date on the loan referenced above from the {Ordinal(oldDay)} to the {Ordinal(newDay)} of each month.");
            text.AppendLine(draw.Pick(
                $"Your next payment of {M(target.Payment)} will be due on {D(newDue)}. Your payment amount does not change.",
                $"Beginning {D(newDue)}, your payment of {M(target.Payment)} will be due on the {Ordinal(newDay)} of each month; the payment amount is unchanged."));
            var statesPrincipal = draw.OneIn(2);
            if (statesPrincipal)
            {
                text.AppendLine(Inv, $"The current principal balance of this loan is {M(target.Principal)} at {P(target.Rate)}.");
            }

            text.AppendLine("If you are enrolled in automatic payments, your automatic payment will move to the new due date.");
            text.AppendLine();
            text.AppendLine(draw.Pick("Your other loans with us are not affected by this change:", "This change does not apply to your other accounts:"));
            text.AppendLine(Inv, $"{"Account",-28}{"Payment",14}   Next due");
            foreach (var a in listed.Where(a => !ReferenceEquals(a, accounts[0])))
            {
                text.AppendLine(Inv, $"{TypeName(a) + " " + Ref(a),-28}{M(a.Payment),14}   {D(a.NextDue)}");
            }

            fields = new ExtractedFields
            {
                PrincipalBalance = statesPrincipal ? target.Principal : null,
                NextPaymentAmount = target.Payment,
                NextPaymentDueDate = newDue,
                InterestRatePct = statesPrincipal ? Norm(target.Rate) : null,
                AccountLast4 = target.Last4,
            };
            kind = SourceKind.Other;
        }

        text.AppendLine();
        text.AppendLine(Inv, $"If you have questions, please call us at 1-{draw.Pick("800", "888", "877")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}{(draw.OneIn(2) ? $" or visit any branch. Our NMLS ID is {draw.Next(100_000, 999_999)}." : ".")}");
        text.AppendLine();
        text.AppendLine("Sincerely,");
        text.AppendLine(draw.Pick("Loan Servicing Department", "Consumer Loan Operations", "Member Services"));
        text.AppendLine(lender);
        if (draw.OneIn(2))
        {
            text.AppendLine();
            text.AppendLine("This communication is from a debt collector only if required by law. Equal Housing Lender.");
        }

        return new(target.Type, kind, lender, text.ToString().TrimEnd() + "\n", fields);

        static string Bare(decimal a) => a.ToString("#,##0.00", Inv);
    }

    private static Account MakeAccount(Draw draw, LiabilityType type, DateOnly asOf, DateOnly goodThrough, HashSet<string> used)
    {
        var last4 = draw.Last4();
        while (!used.Add(last4))
        {
            last4 = draw.Last4();
        }

        var nextDue = asOf.AddDays(draw.Next(3, 30));
        if (type == LiabilityType.CreditCard)
        {
            var limit = draw.Next(10, 80) * 250m;
            var balance = draw.Amount(100m, limit * 0.6m);
            return new Account(type, "Credit Card", last4, balance, 0m, 0m, null, null, nextDue, 0m, 0m, 0m, asOf, limit);
        }

        var (principal, rate, months) = type switch
        {
            LiabilityType.Mortgage => (draw.Amount(58_000m, 420_000m), decimal.Parse(draw.Pick("2.875", "3.125", "3.5", "4.25", "5.625", "6.5", "6.875", "7.25"), Inv), draw.Next(120, 340)),
            LiabilityType.AutoLoan => (draw.Amount(4_200m, 44_000m), Math.Round(draw.Rate(2.49m, 11.99m), 2), draw.Next(24, 73)),
            _ => (draw.Amount(1_500m, 24_000m), Math.Round(draw.Rate(7.99m, 17.99m), 2), draw.Next(18, 61)),
        };
        if (type == LiabilityType.Mortgage)
        {
            nextDue = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        }

        var r = rate / 1200m;
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1m + r;
        }

        var pi = Math.Round(principal * r * growth / (growth - 1m), 2);
        decimal? escrow = null;
        decimal? piPart = null;
        var payment = pi;
        if (type == LiabilityType.Mortgage)
        {
            piPart = pi;
            payment = pi + draw.Amount(180m, 720m);
            escrow = draw.Amount(400m, 5_200m);
        }

        var perDiem = Math.Round(principal * rate / 100m / 365m, 2);
        var paidTo = type == LiabilityType.Mortgage ? new DateOnly(asOf.Year, asOf.Month, 1) : nextDue.AddMonths(-1);
        var interest = perDiem * (goodThrough.DayNumber - paidTo.DayNumber);
        var account = new Account(type, "", last4, principal, rate, payment, piPart, escrow, nextDue, 0m, perDiem,
            Math.Round(principal * (1.05m + (draw.Next(0, 80) / 100m)) / 100m, 0) * 100m, asOf.AddMonths(-(type == LiabilityType.Mortgage ? draw.Next(24, 200) : draw.Next(6, 40))).AddDays(-draw.Next(0, 28)), null);
        return account with { Payoff = principal + interest + Fee(account) };
    }

    private static decimal Fee(Account a) => a.Type switch { LiabilityType.Mortgage => 45m, LiabilityType.AutoLoan => 15m, _ => 0m };

    private static string TypeName(Account a) => a.Type switch
    {
        LiabilityType.Mortgage => "Mortgage",
        LiabilityType.AutoLoan => "Auto Loan",
        LiabilityType.PersonalLoan => "Personal Loan",
        LiabilityType.CreditCard => "Visa Credit Card",
        _ => "Loan",
    };

    private static string Ordinal(int day) => day.ToString(Inv) + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static int PickInt(Draw draw, params int[] options) => options[draw.Next(options.Length)];

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
