using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class PersonalLoanSecureMessageThread
{
    public static DocumentFamily Family { get; } = new("personal-loan-secure-message-thread", FamilySet.HeldOut, 10, "Personal loan payoff asked by secure message: the agent quotes in prose, then corrects or re-quotes; thread shown oldest- or newest-first", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick("Copperline Financial", "Evergreen Federal Credit Union", "Pinnacle Consumer Lending", "Tidewater Bank", "Lendwise Personal Loans");
        var last4 = draw.Last4();
        var checking4 = OtherFour(draw, last4);
        var ext = Digits(draw, 4);
        var customer = Person(draw);
        var first = customer.Split(' ')[0];
        var agent = draw.Pick("Marcus T.", "Renee B.", "Luis G.", "Hannah W.", "Omar S.");
        var agent2 = draw.Pick("Tasha M.", "Kevin P.", "Ana R.");
        var principal = draw.Amount(1_800m, 42_000m);
        var rate = Math.Round(draw.Rate(6.99m, 29.99m), 2);
        var apr = rate + Math.Round(draw.Rate(0.8m, 3.6m), 2);
        var perDiem = PerDiem(principal, rate);
        var payment = Installment(principal, rate, draw.Next(10, 58));
        // The thread is captured on asOf, the day of its last message: draw the gaps first, then count back.
        var scenario = draw.Next(3);
        var askPayment = draw.OneIn(2);
        var gaps = new Queue<TimeSpan>();
        void Gap(int minHours, int maxHours) => gaps.Enqueue(TimeSpan.FromHours(draw.Next(minHours, maxHours)) + TimeSpan.FromMinutes(draw.Next(0, 60)));
        Gap(1, 6);
        if (scenario == 0)
        {
            Gap(1, 4);
        }
        else if (scenario == 1)
        {
            Gap(2, 33);
            Gap(1, 5);
        }

        if (askPayment)
        {
            Gap(1, 20);
            Gap(1, 4);
        }

        // Walk the gaps forward from a morning, keeping every message between 7 a.m. and 9 p.m., then move the
        // whole thread by whole days so that its last message falls on asOf.
        var walk = new List<DateTime> { new DateTime(2000, 1, 3, draw.Next(7, 12), draw.Next(0, 60), 0, DateTimeKind.Unspecified) };
        foreach (var gap in gaps)
        {
            var next = walk[^1] + gap;
            if (next.Hour is >= 21 or < 7)
            {
                next = next.Date.AddDays(next.Hour >= 21 ? 1 : 0).AddHours(7 + draw.Next(0, 3)).AddMinutes(draw.Next(0, 60));
            }

            walk.Add(next);
        }

        var shift = asOf.DayNumber - DateOnly.FromDateTime(walk[^1]).DayNumber;
        var times = new Queue<DateTime>(walk.Select(w => w.AddDays(shift)));
        var t = times.Dequeue();
        var start = DateOnly.FromDateTime(t);
        var lastPaid = start.AddDays(-draw.Next(3, 26));
        var nextDue = lastPaid.AddMonths(1);
        var goodThrough = start.AddDays(draw.Next(5, 14));
        decimal Payoff(DateOnly through) => principal + (perDiem * (through.DayNumber - lastPaid.DayNumber));
        var product = draw.Pick("personal loan", "debt consolidation loan", "signature loan", "home improvement loan");
        string Money(decimal a) => draw.OneIn(5) ? MoneyInWords.Dollars(a, commas: false, and: false) + " (" + Usd(a) + ")" : Usd(a);
        string Dt(DateOnly d) => draw.Next(4) switch
        {
            0 => d.ToString("MMMM d, yyyy", Inv),
            1 => d.ToString("M/d/yyyy", Inv),
            2 => d.ToString("dddd, MMMM d", Inv) + ", " + d.Year.ToString(Inv),
            _ => d.ToString("MM/dd/yyyy", Inv),
        };

        var messages = new List<(DateTime When, string From, string Body)>();
        messages.Add((t, customer,
            $"Hi, I'm planning to pay off my {product} ending in {last4} in the next week or so with a transfer from my checking (ending {checking4}). "
            + "Can you tell me the exact payoff amount? Also what's my interest rate on it? Thanks, " + first));

        decimal payoffGold;
        DateOnly goodGold;
        var rateSentence = draw.OneIn(3)
            ? $"Your loan has a fixed interest rate of {rate.ToString("0.00", Inv)}%. (The {apr.ToString("0.00", Inv)}% APR on your loan agreement also reflects the origination fee, which was charged once at funding.)"
            : $"Your fixed interest rate is {rate.ToString("0.00", Inv)}%.";
        var signature = $"\n\n{agent}\nLoan Servicing Specialist\n{lender}\n{TollFree(draw)} ext. {ext} | NMLS #{draw.Next(10_000, 999_999).ToString(Inv)}";
        t = times.Dequeue();

        switch (scenario)
        {
            case 0:
                // Wrong figure first (principal only), corrected the same day.
                messages.Add((t, agent,
                    $"Hello {first},\n\nThank you for reaching out. The payoff on your loan is {Usd(principal)}. {rateSentence}\n\nPlease let us know if there is anything else we can help with." + signature));
                t = times.Dequeue();
                payoffGold = Payoff(goodThrough);
                goodGold = goodThrough;
                messages.Add((t, agent,
                    $"Hello {first},\n\nI need to correct my earlier message. The {Usd(principal)} I gave you is your current principal balance only; it does not include the interest accrued since your last payment on {Dt(lastPaid)}. "
                    + $"Your correct payoff amount is {Money(payoffGold)}, good through {Dt(goodThrough)}. If the funds arrive after that date, add {Usd(perDiem)} for each additional day.\n\nI apologize for the confusion." + signature));
                break;
            case 1:
                // First quote, then the customer moves the date and gets a new quote.
                var firstPayoff = Payoff(goodThrough);
                messages.Add((t, agent,
                    $"Hi {first},\n\nHappy to help. As of today your principal balance is {Usd(principal)}. To pay the loan in full, send {Money(firstPayoff)}; that figure is good through {Dt(goodThrough)}. "
                    + $"Interest accrues at {Usd(perDiem)} per day after that. {rateSentence}" + signature));
                t = times.Dequeue();
                var later = goodThrough.AddDays(draw.Next(4, 16));
                messages.Add((t, customer,
                    $"Thanks. It turns out my funds won't be available until {later.ToString("MMMM d", Inv)}. What would the payoff be if you receive it on {later.ToString("M/d", Inv)}?"));
                t = times.Dequeue();
                payoffGold = Payoff(later);
                goodGold = later;
                messages.Add((t, agent2,
                    $"Hi {first},\n\nIf we receive your payment on {Dt(later)}, the amount to pay off your loan will be {Money(payoffGold)}. This updated quote is good through {Dt(later)} and replaces the earlier figure of {Usd(firstPayoff)}.\n\n{agent2}\n{lender} Member Support"));
                break;
            default:
                payoffGold = Payoff(goodThrough);
                goodGold = goodThrough;
                messages.Add((t, agent,
                    $"Hello {first},\n\n{rateSentence} Your payoff amount good through {Dt(goodThrough)} is {Money(payoffGold)}, which includes {Usd(payoffGold - principal)} of accrued interest on a principal balance of {Usd(principal)}. "
                    + $"The per diem is {Usd(perDiem)}." + signature));
                break;
        }

        if (askPayment)
        {
            t = times.Dequeue();
            messages.Add((t, customer, $"One more question - do I still need to make my regular payment? Autopay usually takes it on the {Ordinal(nextDue.Day)}."));
            t = times.Dequeue();
            messages.Add((t, draw.Pick(agent, agent2),
                $"Hi {first}, if the payoff posts before your due date you don't need to. Otherwise your regular payment of {Usd(payment)} is still due on {Dt(nextDue)} and autopay will draft it as scheduled."));
        }

        var newestFirst = draw.OneIn(2);
        var ordered = newestFirst ? messages.OrderByDescending(m => m.When) : messages.OrderBy(m => m.When);
        var header = Lines(
            $"{lender} - Secure Message Center",
            $"Conversation #SM-{Digits(draw, 4)}-{Digits(draw, 5)}   Subject: Payoff request   Regarding: {Cap(product)} ****{last4}",
            newestFirst ? "(most recent message first)" : null,
            "");
        var sentFormat = draw.Pick("ddd MM/dd/yyyy h:mm tt", "MMM d, yyyy 'at' h:mm tt", "M/d/yyyy h:mm tt");
        var body = string.Join("\n\n" + "".PadRight(60, '-') + "\n\n", ordered.Select(m =>
            $"From: {m.From}\nSent: {m.When.ToString(sentFormat, Inv)}\n\n{m.Body}"));
        var text = header + "\n" + body;

        return new(LiabilityType.PersonalLoan, SourceKind.Other, lender, text, new ExtractedFields
        {
            PayoffAmount = payoffGold,
            PayoffGoodThrough = goodGold,
            PerDiem = perDiem,
            PrincipalBalance = principal,
            NextPaymentAmount = askPayment ? payment : null,
            NextPaymentDueDate = askPayment ? nextDue : null,
            InterestRatePct = rate,
            AccountLast4 = last4,
        });
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
