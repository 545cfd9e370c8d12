using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class PersonalLoanSecureMessageThread
{
    public static DocumentFamily Family { get; } = new("personal-loan-secure-message-thread", FamilySet.HeldOut, 10, "Personal loan payoff asked by secure message: the agent quotes in prose, then corrects or re-quotes; thread shown oldest- or newest-first", Write);

    /// <summary>The loan and the people on the thread, drawn before its timeline.</summary>
    private sealed record Loan(string Lender, string Last4, string Checking4, string Extension, string Customer, string Agent, string Agent2, decimal Principal, decimal Rate, decimal Apr, decimal Payment)
    {
        public string First => Customer.Split(' ')[0];

        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate);
    }

    /// <summary>What each of the servicer's replies may say: the quote's dates, the rate sentence, the agent's signature.</summary>
    private sealed record Reply(Loan Loan, DateOnly LastPaid, DateOnly GoodThrough, string RateSentence, string Signature)
    {
        public decimal Payoff(DateOnly through) => Loan.Principal + (Loan.PerDiem * (through.DayNumber - LastPaid.DayNumber));
    }

    /// <summary>The messages, each sent at the next time of the thread's timeline.</summary>
    private sealed class Conversation(Queue<DateTime> times)
    {
        public List<(DateTime When, string From, string Body)> Messages { get; } = [];

        public void Post(string from, string body) => Messages.Add((times.Dequeue(), from, body));
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var loan = DrawLoan(draw);
        var scenario = draw.Next(3);
        var askPayment = draw.OneIn(2);
        var times = Timeline(draw, scenario, askPayment, asOf);
        var start = DateOnly.FromDateTime(times.Peek());
        var lastPaid = start.AddDays(-draw.Next(3, 26));
        var nextDue = lastPaid.AddMonths(1);
        var goodThrough = start.AddDays(draw.Next(5, 14));
        var product = draw.Pick("personal loan", "debt consolidation loan", "signature loan", "home improvement loan");

        var thread = new Conversation(times);
        thread.Post(loan.Customer,
            $"Hi, I'm planning to pay off my {product} ending in {loan.Last4} in the next week or so with a transfer from my checking (ending {loan.Checking4}). "
            + "Can you tell me the exact payoff amount? Also what's my interest rate on it? Thanks, " + loan.First);
        var rateSentence = draw.OneIn(3)
            ? $"Your loan has a fixed interest rate of {loan.Rate.ToString("0.00", Inv)}%. (The {loan.Apr.ToString("0.00", Inv)}% APR on your loan agreement also reflects the origination fee, which was charged once at funding.)"
            : $"Your fixed interest rate is {loan.Rate.ToString("0.00", Inv)}%.";
        var signature = $"\n\n{loan.Agent}\nLoan Servicing Specialist\n{loan.Lender}\n{TollFree(draw)} ext. {loan.Extension} | NMLS #{draw.Next(10_000, 999_999).ToString(Inv)}";
        var reply = new Reply(loan, lastPaid, goodThrough, rateSentence, signature);
        var (payoffGold, goodGold) = scenario switch
        {
            0 => CorrectedQuote(draw, thread, reply),
            1 => QuoteMovedToALaterDate(draw, thread, reply),
            _ => Quote(draw, thread, reply),
        };

        if (askPayment)
        {
            thread.Post(loan.Customer, $"One more question - do I still need to make my regular payment? Autopay usually takes it on the {Ordinal(nextDue.Day)}.");
            thread.Post(draw.Pick(loan.Agent, loan.Agent2),
                $"Hi {loan.First}, if the payoff posts before your due date you don't need to. Otherwise your regular payment of {Usd(loan.Payment)} is still due on {Dt(draw, nextDue)} and autopay will draft it as scheduled.");
        }

        return new(LiabilityType.PersonalLoan, SourceKind.Other, loan.Lender, Render(draw, thread, loan, product), new ExtractedFields
        {
            PayoffAmount = payoffGold,
            PayoffGoodThrough = goodGold,
            PerDiem = loan.PerDiem,
            PrincipalBalance = loan.Principal,
            NextPaymentAmount = askPayment ? loan.Payment : null,
            NextPaymentDueDate = askPayment ? nextDue : null,
            InterestRatePct = loan.Rate,
            AccountLast4 = loan.Last4,
        });
    }

    private static Loan DrawLoan(Draw draw)
    {
        var lender = draw.Pick("Copperline Financial", "Evergreen Federal Credit Union", "Pinnacle Consumer Lending", "Tidewater Bank", "Lendwise Personal Loans");
        var last4 = draw.Last4();
        var checking4 = OtherFour(draw, last4);
        var ext = Digits(draw, 4);
        var customer = Person(draw);
        var agent = draw.Pick("Marcus T.", "Renee B.", "Luis G.", "Hannah W.", "Omar S.");
        var agent2 = draw.Pick("Tasha M.", "Kevin P.", "Ana R.");
        var principal = draw.Amount(1_800m, 42_000m);
        var rate = Math.Round(draw.Rate(6.99m, 29.99m), 2);
        var apr = rate + Math.Round(draw.Rate(0.8m, 3.6m), 2);
        var payment = Installment(principal, rate, draw.Next(10, 58));
        return new(lender, last4, checking4, ext, customer, agent, agent2, principal, rate, apr, payment);
    }

    /// <summary>
    /// When each message is sent. The thread is captured on asOf, the day of its last message: the gaps are drawn
    /// first and walked forward from a morning, keeping every message between 7 a.m. and 9 p.m., then the whole
    /// thread is moved by whole days so that its last message falls on asOf.
    /// </summary>
    private static Queue<DateTime> Timeline(Draw draw, int scenario, bool askPayment, DateOnly asOf)
    {
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
        return new Queue<DateTime>(walk.Select(w => w.AddDays(shift)));
    }

    /// <summary>A wrong figure first (the principal only), corrected the same day.</summary>
    private static (decimal Payoff, DateOnly GoodThrough) CorrectedQuote(Draw draw, Conversation thread, Reply r)
    {
        var loan = r.Loan;
        thread.Post(loan.Agent,
            $"Hello {loan.First},\n\nThank you for reaching out. The payoff on your loan is {Usd(loan.Principal)}. {r.RateSentence}\n\nPlease let us know if there is anything else we can help with." + r.Signature);
        var payoff = r.Payoff(r.GoodThrough);
        thread.Post(loan.Agent,
            $"Hello {loan.First},\n\nI need to correct my earlier message. The {Usd(loan.Principal)} I gave you is your current principal balance only; it does not include the interest accrued since your last payment on {Dt(draw, r.LastPaid)}. "
            + $"Your correct payoff amount is {Money(draw, payoff)}, good through {Dt(draw, r.GoodThrough)}. If the funds arrive after that date, add {Usd(loan.PerDiem)} for each additional day.\n\nI apologize for the confusion." + r.Signature);
        return (payoff, r.GoodThrough);
    }

    /// <summary>A first quote, then the customer moves the date and gets a new quote from another agent.</summary>
    private static (decimal Payoff, DateOnly GoodThrough) QuoteMovedToALaterDate(Draw draw, Conversation thread, Reply r)
    {
        var loan = r.Loan;
        var firstPayoff = r.Payoff(r.GoodThrough);
        thread.Post(loan.Agent,
            $"Hi {loan.First},\n\nHappy to help. As of today your principal balance is {Usd(loan.Principal)}. To pay the loan in full, send {Money(draw, firstPayoff)}; that figure is good through {Dt(draw, r.GoodThrough)}. "
            + $"Interest accrues at {Usd(loan.PerDiem)} per day after that. {r.RateSentence}" + r.Signature);
        var later = r.GoodThrough.AddDays(draw.Next(4, 16));
        thread.Post(loan.Customer,
            $"Thanks. It turns out my funds won't be available until {later.ToString("MMMM d", Inv)}. What would the payoff be if you receive it on {later.ToString("M/d", Inv)}?");
        var payoff = r.Payoff(later);
        thread.Post(loan.Agent2,
            $"Hi {loan.First},\n\nIf we receive your payment on {Dt(draw, later)}, the amount to pay off your loan will be {Money(draw, payoff)}. This updated quote is good through {Dt(draw, later)} and replaces the earlier figure of {Usd(firstPayoff)}.\n\n{loan.Agent2}\n{loan.Lender} Member Support");
        return (payoff, later);
    }

    private static (decimal Payoff, DateOnly GoodThrough) Quote(Draw draw, Conversation thread, Reply r)
    {
        var loan = r.Loan;
        var payoff = r.Payoff(r.GoodThrough);
        thread.Post(loan.Agent,
            $"Hello {loan.First},\n\n{r.RateSentence} Your payoff amount good through {Dt(draw, r.GoodThrough)} is {Money(draw, payoff)}, which includes {Usd(payoff - loan.Principal)} of accrued interest on a principal balance of {Usd(loan.Principal)}. "
            + $"The per diem is {Usd(loan.PerDiem)}." + r.Signature);
        return (payoff, r.GoodThrough);
    }

    /// <summary>The thread as the message center shows it, oldest or newest message first.</summary>
    private static string Render(Draw draw, Conversation thread, Loan loan, string product)
    {
        var newestFirst = draw.OneIn(2);
        var ordered = newestFirst ? thread.Messages.OrderByDescending(m => m.When) : thread.Messages.OrderBy(m => m.When);
        var header = Lines(
            $"{loan.Lender} - Secure Message Center",
            $"Conversation #SM-{Digits(draw, 4)}-{Digits(draw, 5)}   Subject: Payoff request   Regarding: {Cap(product)} ****{loan.Last4}",
            newestFirst ? "(most recent message first)" : null,
            "");
        var sentFormat = draw.Pick("ddd MM/dd/yyyy h:mm tt", "MMM d, yyyy 'at' h:mm tt", "M/d/yyyy h:mm tt");
        var body = string.Join("\n\n" + "".PadRight(60, '-') + "\n\n", ordered.Select(m =>
            $"From: {m.From}\nSent: {m.When.ToString(sentFormat, Inv)}\n\n{m.Body}"));
        return header + "\n" + body;
    }

    /// <summary>An amount as an agent types it: in figures, now and then in words with the figures after.</summary>
    private static string Money(Draw draw, decimal a) => draw.OneIn(5) ? MoneyInWords.Dollars(a, commas: false, and: false) + " (" + Usd(a) + ")" : Usd(a);

    private static string Dt(Draw draw, DateOnly d) => draw.Next(4) switch
    {
        0 => d.ToString("MMMM d, yyyy", Inv),
        1 => d.ToString("M/d/yyyy", Inv),
        2 => d.ToString("dddd, MMMM d", Inv) + ", " + d.Year.ToString(Inv),
        _ => d.ToString("MM/dd/yyyy", Inv),
    };

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
