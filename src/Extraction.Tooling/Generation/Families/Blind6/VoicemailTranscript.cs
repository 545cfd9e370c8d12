using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>An automatic speech-to-text transcription of a voicemail left by a lender's payoff, collections or reminder line.</summary>
internal static class VoicemailTranscript
{
    public static DocumentFamily Family { get; } = new("voicemail-asr-transcript", FamilySet.HeldOut, 10,
        "Machine transcription of a lender's voicemail (payoff quote, collections, payment reminder) on an auto, personal or student loan", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] AutoLenders =
    [
        "Westlake Financial", "Ally Auto", "Santander Consumer USA", "Credit Acceptance", "Capital One Auto Finance",
        "Exeter Finance", "GM Financial", "Bridgecrest", "Toyota Financial Services", "Chase Auto", "Global Lending Services",
        "American Credit Acceptance", "Regional Acceptance", "Flagship Credit Acceptance",
    ];

    private static readonly string[] PersonalLenders =
    [
        "OneMain Financial", "LendingClub", "Upstart", "Avant", "Best Egg", "Prosper", "Mariner Finance", "Regional Finance",
        "LendingPoint", "Happy Money", "World Finance", "Lendmark Financial Services", "Republic Finance",
    ];

    private static readonly string[] StudentLenders =
    [
        "Sallie Mae", "Nelnet", "MOHELA", "Aidvantage", "EdFinancial Services", "Navient", "College Ave Servicing",
        "Firstmark Services", "Citizens Student Loans", "Earnest",
    ];

    private static readonly string[] FirstNames =
    [
        "michael", "jessica", "david", "ashley", "christopher", "brittany", "jose", "maria", "anthony", "tiffany", "brandon",
        "latoya", "kevin", "samantha", "marcus", "nicole", "tyler", "keisha", "juan", "amanda", "derek", "crystal",
    ];

    private static readonly string[] LastNames =
    [
        "johnson", "williams", "garcia", "martinez", "robinson", "thompson", "nguyen", "patel", "washington", "hernandez",
        "mitchell", "brooks", "sanders", "reyes", "coleman", "foster", "bryant", "ramirez", "hughes", "simmons",
    ];

    private static readonly string[] Agents =
    [
        "tanya", "rick", "monique", "carlos", "jennifer", "darnell", "stephanie", "luis", "rachel", "omar", "brenda", "trevor",
        "alicia", "greg", "yolanda", "victor",
    ];

    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] OrdinalOnes =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var type = draw.Next(10) switch { < 4 => LiabilityType.AutoLoan, < 7 => LiabilityType.PersonalLoan, _ => LiabilityType.StudentLoan };
        var lender = type switch
        {
            LiabilityType.AutoLoan => draw.Pick(AutoLenders),
            LiabilityType.PersonalLoan => draw.Pick(PersonalLenders),
            _ => draw.Pick(StudentLenders),
        };
        var first = draw.Pick(FirstNames);
        var last = draw.Pick(LastNames);
        var agent = draw.Pick(Agents);
        var last4 = draw.Last4();
        var phone = TollFree(draw);
        var loanWord = type switch
        {
            LiabilityType.AutoLoan => draw.Pick("auto loan", "vehicle loan", "car loan", "auto account", "auto finance account"),
            LiabilityType.PersonalLoan => draw.Pick("personal loan", "loan", "installment loan", "personal loan account"),
            _ => draw.Pick("student loan", "student loans", "student loan account", "private student loan"),
        };
        var accountWord = draw.OneIn(6) ? "a count" : "account";
        var said = new List<string>();
        ExtractedFields fields;

        var scenario = draw.Next(3);
        if (scenario == 0)
        {
            fields = Payoff(draw, asOf, type, lender, first, last, agent, last4, loanWord, accountWord, phone, said);
        }
        else if (scenario == 1)
        {
            fields = Collections(draw, asOf, type, lender, first, last, agent, last4, loanWord, accountWord, phone, said);
        }
        else
        {
            fields = Reminder(draw, asOf, type, lender, first, agent, last4, loanWord, accountWord, phone, said);
        }

        var text = Header(draw, asOf, phone) + Render(draw, said) + Footer(draw);
        var kind = draw.OneIn(4) ? SourceKind.Other : SourceKind.CallTranscript;
        return new(type, kind, lender, text, fields);
    }

    private static ExtractedFields Payoff(Draw draw, DateOnly asOf, LiabilityType type, string lender, string first, string last,
        string agent, string last4, string loanWord, string accountWord, string phone, List<string> said)
    {
        var (principal, rate) = type switch
        {
            LiabilityType.AutoLoan => (draw.Amount(2_800m, 38_000m), draw.Rate(4.9m, 21.9m)),
            LiabilityType.PersonalLoan => (draw.Amount(1_500m, 28_000m), draw.Rate(8.9m, 29.9m)),
            _ => (draw.Amount(4_000m, 62_000m), draw.Rate(4.25m, 13.5m)),
        };
        rate = Math.Round(rate, draw.OneIn(2) ? 2 : 3);
        var perDiemExact = principal * rate / 100m / 365m;
        var perDiem = Math.Round(perDiemExact, 2);
        var paidTo = asOf.AddDays(-draw.Next(3, 27));
        var goodThrough = asOf.AddDays(draw.Next(6, 21));
        var interest = Math.Round(perDiemExact * (goodThrough.DayNumber - paidTo.DayNumber), 2);
        var fee = type == LiabilityType.AutoLoan && draw.OneIn(4) ? draw.Pick("15", "20", "25") : null;
        var payoff = principal + interest + (fee is null ? 0m : decimal.Parse(fee, Inv));
        var payoffWord = draw.OneIn(2) ? "payoff" : "pay off";

        said.Add(draw.Pick($"hi this message is for {first} {last}", $"hello this is a message for {first}", $"good morning this message is for {first} {last}", $"hi {first}"));
        said.Add(draw.Pick(
            $"this is {agent} calling from {Spoken(lender)} {payoffWord} department",
            $"my name is {agent} i'm with the {payoffWord} team at {Spoken(lender)}",
            $"this is {agent} with {Spoken(lender)} loan servicing"));
        var accountRef = $"{accountWord} ending in {SayDigits(draw, last4)}";
        said.Add(draw.Pick(
            $"i'm returning your call about the {payoffWord} quote you requested on your {loanWord} {accountRef}",
            $"calling in regards to your {loanWord} {accountRef} you had asked for a {payoffWord} amount",
            $"we received your {payoffWord} request for the {loanWord} {accountRef}"));
        var amountLine = draw.Pick(
            $"so your total {payoffWord} amount is {SayAmount(draw, payoff)}",
            $"the amount to pay the loan off in full is {SayAmount(draw, payoff)}",
            $"to pay it off it would be {SayAmount(draw, payoff)}",
            $"your {payoffWord} comes out to {SayAmount(draw, payoff)}");
        said.Add(amountLine);
        said.Add(draw.Pick(
            $"and that amount is good through {SayDate(draw, goodThrough, asOf)}",
            $"that's good until {SayDate(draw, goodThrough, asOf)}",
            $"and that figure is valid through {SayDate(draw, goodThrough, asOf)}",
            $"as long as we receive it by {SayDate(draw, goodThrough, asOf)}"));

        var statesPrincipal = draw.OneIn(2);
        if (statesPrincipal)
        {
            said.Add(draw.Pick(
                $"that's {SayAmount(draw, principal)} in principal plus the interest that's accrued" + (fee is null ? "" : " and the title fee"),
                $"your principal balance right now is {SayAmount(draw, principal)}",
                $"the principal by itself is {SayAmount(draw, principal)}"));
        }

        var statesRate = draw.OneIn(3);
        if (statesRate)
        {
            said.Add(draw.Pick($"at your interest rate of {SayRate(draw, rate)}", $"your rate on the loan is {SayRate(draw, rate)}"));
        }

        if (fee is not null)
        {
            said.Add($"that does include a {fee} dollar lien release fee");
        }

        var statesPerDiem = !draw.OneIn(5);
        if (statesPerDiem)
        {
            said.Add(draw.Pick(
                $"if it comes in after that date please add {SayAmount(draw, perDiem)} per day",
                $"after that it goes up by {SayAmount(draw, perDiem)} a day",
                $"the per diem is {SayAmount(draw, perDiem)} so for each day after that add that amount",
                $"interest accrues at {SayAmount(draw, perDiem)} per day after that"));
        }

        if (draw.OneIn(3))
        {
            said.Add(draw.Pick(
                $"um and again that was {SayAmount(draw, payoff)}",
                "if you made a payment in the last ten days it may not be reflected in that amount",
                $"you can pay online for free or with an agent over the phone there's a {draw.Pick("9.95", "12", "14.95")} dollar convenience fee"));
        }

        said.Add(draw.Pick(
            $"we can also fax or email the letter just give us a call back at {SayPhone(draw, phone)}",
            $"if you have any questions please call us at {SayPhone(draw, phone)} we're open monday through friday eight a m to eight p m eastern",
            $"you can reach the {payoffWord} department at {SayPhone(draw, phone)} option {draw.Next(2, 6)}"));
        if (draw.OneIn(2))
        {
            said.Add($"your reference number for this call is {SayDigits(draw, draw.Next(100_000, 1_000_000).ToString(Inv))}");
        }

        said.Add(draw.Pick("thank you have a great day", "thanks bye", "thank you", "have a good one bye bye"));

        return new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = goodThrough,
            PerDiem = statesPerDiem ? perDiem : null,
            PrincipalBalance = statesPrincipal ? principal : null,
            InterestRatePct = statesRate ? Norm(rate) : null,
            AccountLast4 = last4,
        };
    }

    private static ExtractedFields Collections(Draw draw, DateOnly asOf, LiabilityType type, string lender, string first, string last,
        string agent, string last4, string loanWord, string accountWord, string phone, List<string> said)
    {
        var payment = type switch
        {
            LiabilityType.AutoLoan => draw.Amount(210m, 790m),
            LiabilityType.PersonalLoan => draw.Amount(85m, 640m),
            _ => draw.Amount(95m, 610m),
        };
        var lastDue = asOf.AddDays(-draw.Next(6, 26));
        if (lastDue.Day > 28)
        {
            lastDue = lastDue.AddDays(28 - lastDue.Day);
        }

        var nextDue = lastDue.AddMonths(1);
        var missedCount = draw.OneIn(4) ? 2 : 1;
        var missed = lastDue.AddMonths(1 - missedCount);
        var daysPast = asOf.DayNumber - missed.DayNumber;
        var lateFee = decimal.Parse(draw.Pick("15.00", "25.00", "29.00", "35.00", "20.00"), Inv);
        if (type != LiabilityType.StudentLoan && draw.OneIn(2))
        {
            lateFee = Math.Round(Math.Min(payment * 0.05m, 40m), 2);
        }

        var pastDue = (payment * missedCount) + (lateFee * missedCount);
        var statesLast4 = !draw.OneIn(5);

        said.Add(draw.Pick(
            $"hello this message is for {first} {last} if you are not {first} {last} please hang up",
            $"this is an important message for {first} {last}",
            $"hi this message is for {first} {last} please call us back"));
        said.Add(draw.Pick(
            $"this is {agent} with {Spoken(lender)} collections",
            $"my name is {agent} calling from {Spoken(lender)}",
            $"this is {agent} from the customer assistance department at {Spoken(lender)}"));
        said.Add("this is an attempt to collect a debt and any information obtained will be used for that purpose");
        said.Add(statesLast4
            ? draw.Pick($"we're calling about your {loanWord} {accountWord} ending in {SayDigits(draw, last4)}", $"regarding your {loanWord} {accountWord} number ending {SayDigits(draw, last4)}")
            : $"we're calling about your {loanWord}");
        said.Add(draw.Pick(
            $"your {accountWord} is currently {SayCount(draw, daysPast)} days past due",
            $"we show the {accountWord} is {SayCount(draw, daysPast)} days past due",
            $"we have not received your payment that was due {SayDate(draw, missed, asOf)}"));
        said.Add(draw.Pick(
            $"the total past due amount is {SayAmount(draw, pastDue)} that includes {(missedCount == 1 ? "a late charge" : "late charges")} of {SayAmount(draw, lateFee * missedCount)}",
            $"the amount needed to bring the {accountWord} current is {SayAmount(draw, pastDue)} which includes {SayAmount(draw, lateFee * missedCount)} in late fees",
            $"to bring it current today you'd need {SayAmount(draw, pastDue)}"));
        said.Add(draw.Pick(
            $"also your next regular payment of {SayAmount(draw, payment)} will be due on {SayDate(draw, nextDue, asOf)}",
            $"and then your next monthly payment of {SayAmount(draw, payment)} comes due {SayDate(draw, nextDue, asOf)}",
            $"please keep in mind your next installment of {SayAmount(draw, payment)} is due {SayDate(draw, nextDue, asOf)}"));
        if (draw.OneIn(2))
        {
            said.Add(draw.Pick(
                "if you're having trouble making payments we may have options available",
                "we'd like to help you set up a payment arrangement",
                $"you can make a payment online or by phone at {SayPhone(draw, phone)}"));
        }

        said.Add(draw.Pick(
            $"please call us back at {SayPhone(draw, phone)} we're available until nine p m eastern",
            $"our number is {SayPhone(draw, phone)} again {SayPhone(draw, phone)}",
            $"give us a call at {SayPhone(draw, phone)} at your earliest convenience"));
        said.Add(draw.Pick("thank you", "thank you and have a nice day", "thanks"));

        return new ExtractedFields
        {
            NextPaymentAmount = payment,
            NextPaymentDueDate = nextDue,
            AccountLast4 = statesLast4 ? last4 : null,
        };
    }

    private static ExtractedFields Reminder(Draw draw, DateOnly asOf, LiabilityType type, string lender, string first,
        string agent, string last4, string loanWord, string accountWord, string phone, List<string> said)
    {
        var payment = type switch
        {
            LiabilityType.AutoLoan => draw.Amount(190m, 760m),
            LiabilityType.PersonalLoan => draw.Amount(70m, 620m),
            _ => draw.Amount(60m, 590m),
        };
        var due = asOf.AddDays(draw.Next(2, 16));
        var statesLast4 = draw.Next(3) != 0;
        var principal = type switch
        {
            LiabilityType.AutoLoan => draw.Amount(3_000m, 36_000m),
            LiabilityType.PersonalLoan => draw.Amount(900m, 24_000m),
            _ => draw.Amount(3_500m, 58_000m),
        };
        var statesPrincipal = draw.OneIn(3);

        said.Add(draw.Pick(
            $"hi {first} this is {agent} from {Spoken(lender)} just a friendly reminder",
            $"hello this is a courtesy call from {Spoken(lender)} for {first}",
            $"hi this is {Spoken(lender)} calling with a reminder for {first}"));
        if (type == LiabilityType.StudentLoan && draw.OneIn(2))
        {
            var endOf = asOf.AddDays(-draw.Next(8, 40));
            said.Add(draw.Pick(
                $"your grace period ended on {SayDate(draw, endOf, asOf)} and your loans are now in repayment",
                $"your forbearance ended {SayDate(draw, endOf, asOf)} so your {loanWord} are back in repayment"));
            said.Add($"your first payment of {SayAmount(draw, payment)} is due on {SayDate(draw, due, asOf)}");
        }
        else
        {
            said.Add(draw.Pick(
                $"that your monthly payment of {SayAmount(draw, payment)} is due on {SayDate(draw, due, asOf)}",
                $"your {loanWord} payment of {SayAmount(draw, payment)} is coming due {SayDate(draw, due, asOf)}",
                $"we wanted to remind you that your payment is due {SayDate(draw, due, asOf)} in the amount of {SayAmount(draw, payment)}"));
        }

        if (statesLast4)
        {
            said.Add(draw.Pick($"this is for the {accountWord} ending in {SayDigits(draw, last4)}", $"that's on {accountWord} number ending {SayDigits(draw, last4)}"));
        }

        if (statesPrincipal)
        {
            said.Add(draw.Pick(
                $"your current principal balance is {SayAmount(draw, principal)}",
                $"just so you know the principal balance is {SayAmount(draw, principal)}"));
        }

        if (draw.OneIn(3))
        {
            var bank4 = OtherLast4(draw, last4);
            said.Add($"if you're enrolled in auto pay it will be drafted from your checking account ending in {SayDigits(draw, bank4)} no action is needed");
        }
        else if (draw.OneIn(2))
        {
            said.Add("if you've already made your payment please disregard this message");
        }

        said.Add(draw.Pick(
            $"to make a payment visit us online or call {SayPhone(draw, phone)}",
            $"questions call {SayPhone(draw, phone)}",
            $"you can pay by phone at {SayPhone(draw, phone)} it's free through the automated system"));
        said.Add(draw.Pick("thank you for choosing " + Spoken(lender), "thanks have a great day", "goodbye"));

        return new ExtractedFields
        {
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            PrincipalBalance = statesPrincipal ? principal : null,
            AccountLast4 = statesLast4 ? last4 : null,
        };
    }

    private static string Header(Draw draw, DateOnly asOf, string phone)
    {
        var afternoon = draw.OneIn(3);
        var time = $"{(afternoon ? draw.Next(1, 7) : draw.Next(8, 12))}:{draw.Next(0, 60):D2} {(afternoon ? "PM" : "AM")}";
        var seconds = draw.Next(28, 95);
        var digits = phone.Replace("-", "", StringComparison.Ordinal);
        return draw.Next(4) switch
        {
            0 => $"Voicemail from ({digits[1..4]}) {digits[4..7]}-{digits[7..]}\nReceived: {asOf.ToString("ddd, MMM d yyyy", Inv)} at {time}\nLength: {seconds / 60}:{seconds % 60:D2}\nTranscript:\n",
            1 => $"New voicemail from WIRELESS CALLER +{digits} ({seconds} seconds)\n{asOf.ToString("MM/dd/yyyy", Inv)} {time}\n\n\"",
            2 => $"VM TRANSCRIPT | mailbox {draw.Next(2000, 8000)} | {asOf.ToString("yyyy-MM-dd", Inv)} {time} | caller id {digits}\n---\n",
            _ => "",
        };
    }

    private static string Footer(Draw draw) => draw.Next(4) switch
    {
        0 => "\n\nThis transcription was generated automatically and may contain errors.",
        1 => "\"\n\n-- Transcribed by Voice. Accuracy not guaranteed. Listen to the full message for details.",
        2 => "\n[end of message]",
        _ => "",
    };

    /// <summary>Joins the spoken clauses as a recognizer writes them: no punctuation, stray periods or commas, fillers.</summary>
    private static string Render(Draw draw, List<string> clauses)
    {
        var style = draw.Next(3);
        var text = new StringBuilder();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (draw.OneIn(4))
            {
                clause = draw.Pick("um", "uh", "um", "uh so", "and um", "so uh") + " " + clause;
            }
            else if (draw.OneIn(10))
            {
                var space = clause.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    clause = clause[..space] + " " + clause;
                }
            }

            if (i > 0 && draw.OneIn(14))
            {
                text.Append(draw.Pick(" [inaudible]", " (inaudible)", " ..."));
            }

            if (i == 0)
            {
                text.Append(style == 1 ? Capitalize(clause) : clause);
                continue;
            }

            if (style == 1 && draw.Next(3) != 0)
            {
                text.Append(". ").Append(Capitalize(clause));
            }
            else if (style == 2 && draw.OneIn(2))
            {
                text.Append(", ").Append(clause);
            }
            else
            {
                text.Append(' ').Append(clause);
            }
        }

        if (style == 1)
        {
            text.Append('.');
        }

        return text.ToString();
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Spoken(string lender) => lender.ToLowerInvariant()
        .Replace("westlake", "west lake", StringComparison.Ordinal)
        .Replace("lendingclub", "lending club", StringComparison.Ordinal)
        .Replace("lendingpoint", "lending point", StringComparison.Ordinal)
        .Replace("mohela", "mo hela", StringComparison.Ordinal)
        .Replace("edfinancial", "ed financial", StringComparison.Ordinal)
        .Replace("usa", "u s a", StringComparison.Ordinal);

    private static string TollFree(Draw draw) =>
        $"1-{draw.Pick("800", "833", "844", "855", "866", "877", "888")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}";

    private static string SayPhone(Draw draw, string phone)
    {
        var digits = phone.Replace("-", "", StringComparison.Ordinal);
        return draw.Next(4) switch
        {
            0 => phone,
            1 => $"{digits[1..4]} {digits[4..7]} {digits[7..]}",
            2 => "1 " + string.Join(' ', digits[1..].ToCharArray()),
            _ => digits[2..4] == "00"
                ? $"one {Ones[digits[1] - '0']} hundred " + string.Join(' ', digits[4..].Select(c => Ones[c - '0']))
                : string.Join(' ', digits.Select(c => Ones[c - '0'])),
        };
    }

    private static string SayDigits(Draw draw, string digits)
    {
        var choice = draw.Next(5);
        if (choice == 4 && digits.Length == 4 && digits[2..] != "00" && digits[..2] != "00")
        {
            return Pair(digits[..2]) + " " + Pair(digits[2..]);
        }

        return choice switch
        {
            0 or 4 => string.Join(' ', digits.Select(c => Ones[c - '0'])),
            1 => digits,
            2 => string.Join(' ', digits.ToCharArray()),
            _ => digits.Length == 4 ? digits[..2] + " " + digits[2..] : digits,
        };

        static string Pair(string p) => p[0] == '0' ? "oh " + Ones[p[1] - '0'] : Words(int.Parse(p, Inv));
    }

    private static string SayCount(Draw draw, int n) => draw.OneIn(2) ? Words(n) : n.ToString(Inv);

    private static string SayAmount(Draw draw, decimal amount)
    {
        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100m);
        var figures = dollars.ToString("#,##0", Inv);
        if (dollars == 0)
        {
            return draw.Next(3) switch { 0 => amount.ToString("$0.00", Inv), 1 => $"{cents} cents", _ => Words(cents) + " cents" };
        }

        return draw.Next(6) switch
        {
            0 or 1 => cents == 0 && draw.OneIn(2) ? "$" + figures : amount.ToString("$#,##0.00", Inv),
            2 => cents == 0 ? $"{figures} dollars" : $"{figures} dollars and {cents} cents",
            3 => cents == 0 ? $"${figures} even" : $"${figures} and {cents} cents",
            4 => Words(dollars) + (dollars == 1 ? " dollar" : " dollars") + (cents == 0 ? " even" : $" and {Words(cents)} cents"),
            _ => Words(dollars) + " dollars" + (cents == 0 ? "" : $" and {cents} cents"),
        };
    }

    private static string SayRate(Draw draw, decimal rate)
    {
        var text = Norm(rate).ToString(Inv);
        if (draw.OneIn(2))
        {
            return draw.OneIn(2) ? text + "%" : text + " percent";
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = Words(long.Parse(dot < 0 ? text : text[..dot], Inv));
        return dot < 0 ? whole + " percent" : whole + " point " + string.Join(' ', text[(dot + 1)..].Select(c => Ones[c - '0'])) + " percent";
    }

    private static string SayDate(Draw draw, DateOnly date, DateOnly asOf)
    {
        var month = date.ToString("MMMM", Inv).ToLowerInvariant();
        var ordinal = draw.OneIn(2) ? OrdinalWord(date.Day) : OrdinalDigits(date.Day);
        var withYear = date.Year != asOf.Year || draw.OneIn(3);
        var year = draw.OneIn(2) ? "twenty " + Words(date.Year - 2000) : date.Year.ToString(Inv);
        var tail = withYear ? " " + year : "";
        return draw.Next(5) switch
        {
            0 or 1 => $"{month} {ordinal}{tail}",
            2 => $"the {ordinal} of {month}{tail}",
            3 => $"{date.DayOfWeek.ToString().ToLowerInvariant()} {month} {ordinal}{tail}",
            _ => $"{month} {date.Day}{(withYear ? ", " + date.Year.ToString(Inv) : "")}",
        };
    }

    private static string OrdinalWord(int day) => day switch
    {
        < 20 => OrdinalOnes[day],
        20 => "twentieth",
        30 => "thirtieth",
        _ => Tens[day / 10] + " " + OrdinalOnes[day % 10],
    };

    private static string OrdinalDigits(int day) =>
        day.ToString(Inv) + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Words(long n)
    {
        if (n < 20)
        {
            return Ones[n];
        }

        if (n < 100)
        {
            return Tens[n / 10] + (n % 10 == 0 ? "" : " " + Ones[n % 10]);
        }

        if (n < 1_000)
        {
            return Ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + Words(n % 100));
        }

        return Words(n / 1_000) + " thousand" + (n % 1_000 == 0 ? "" : " " + Words(n % 1_000));
    }

    private static string OtherLast4(Draw draw, string last4)
    {
        var other = draw.Last4();
        return other == last4 ? (((int.Parse(last4, Inv) + 1) % 10_000).ToString("D4", Inv)) : other;
    }

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
