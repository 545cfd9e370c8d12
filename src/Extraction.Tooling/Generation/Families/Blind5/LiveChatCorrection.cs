using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>A live-chat widget transcript (bot greeting, identity check, agent joins) in which the agent quotes a figure and then corrects it; the corrected figures are the answer.</summary>
internal static class LiveChatCorrection
{
    public static DocumentFamily Family { get; } = new("live-chat-correction", FamilySet.HeldOut, 10,
        "live-chat transcript with bot messages, customer typos and an agent who corrects a figure they first quoted", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] AutoLenders = ["Summit Ridge Auto Finance", "Keystone Motor Acceptance", "Cardinal Vehicle Finance", "Bluewater Federal Credit Union", "NorthPoint Auto Finance"];

    private static readonly string[] CardIssuers = ["Crestline Bank Card Services", "Atlas Rewards Visa", "Harborview Bank", "Paragon Card Services", "Sequoia Credit Union Mastercard", "Northstar Financial Card"];

    private static readonly string[] StudentServicers = ["Aspire Student Loan Servicing", "Clearview Education Finance", "Campus Pathway Loans", "Mariner Education Servicing"];

    private static readonly string[] PersonalLenders = ["Lendwell Personal Loans", "BrightPath Lending", "Upland Consumer Finance", "Meridian Installment Loans"];

    private static readonly string[] Agents = ["Maria", "DeShawn", "Priya", "Tom", "Keisha", "Alejandro", "Megan", "Farah", "Chris", "Ly"];

    private static readonly string[] Bots = ["Ava", "Max", "Sunny", "Penny", "Virtual Assistant", "Ask Atlas"];

    private static readonly string[] CustomerNames = ["Jordan P.", "Carlos", "Ashley M", "Ken", "Tameka R.", "customer", "Brian", "Lupe"];

    private sealed class Chat(Draw draw, DateTime start, int style, string customer)
    {
        private readonly StringBuilder _sb = new();
        private DateTime _now = start;

        public void Say(string who, string text, int minSeconds = 8, int maxSeconds = 90)
        {
            _now = _now.AddSeconds(draw.Next(minSeconds, maxSeconds));
            var stamp = style switch
            {
                0 => $"[{_now.ToString("h:mm tt", Inv)}] ",
                1 => $"({_now.ToString("HH:mm:ss", Inv)}) ",
                2 => $"{_now.ToString("M/d/yyyy h:mm:ss tt", Inv)} ",
                _ => "",
            };
            if (style == 3)
            {
                _sb.Append(who).Append("  ").Append(_now.ToString("h:mm tt", Inv)).Append('\n').Append(text).Append("\n\n");
            }
            else
            {
                _sb.Append(stamp).Append(who).Append(who.Length == 0 ? "" : ": ").Append(text).Append('\n');
            }
        }

        public void System(string text)
        {
            _now = _now.AddSeconds(draw.Next(2, 40));
            _sb.Append(style == 3 ? $"--- {text} ---\n\n" : $"*** {text} ***\n");
        }

        public void Customer(string text) => Say(customer, text, 10, 75);

        public DateTime Now => _now;

        public override string ToString() => _sb.ToString();
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var type = draw.Next(4) switch
        {
            0 => LiabilityType.AutoLoan,
            1 => LiabilityType.CreditCard,
            2 => LiabilityType.StudentLoan,
            _ => LiabilityType.PersonalLoan,
        };
        var lender = type switch
        {
            LiabilityType.AutoLoan => draw.Pick(AutoLenders),
            LiabilityType.CreditCard => draw.Pick(CardIssuers),
            LiabilityType.StudentLoan => draw.Pick(StudentServicers),
            _ => draw.Pick(PersonalLenders),
        };
        var agent = draw.Pick(Agents);
        var bot = draw.Pick(Bots);
        var customer = draw.Pick(CustomerNames);
        var last4 = draw.Last4();
        var chatDate = asOf.AddDays(-draw.Next(0, 2));
        var start = chatDate.ToDateTime(new TimeOnly(draw.Next(7, 22), draw.Next(60), draw.Next(60)));
        var style = draw.Next(4);
        var chat = new Chat(draw, start, style, customer);
        var dateStyle = draw.Next(3);
        string D(DateOnly d) => dateStyle switch
        {
            0 => d.ToString("MM/dd/yyyy", Inv),
            1 => d.ToString("MMMM d, yyyy", Inv),
            _ => d.ToString("MMM d", Inv) + (d.Year != chatDate.Year || draw.OneIn(2) ? d.ToString(", yyyy", Inv) : ""),
        };
        static string M(decimal v) => v.ToString("$#,##0.00", Inv);

        var header = new StringBuilder();
        header.Append(draw.Next(3) switch
        {
            0 => $"Chat Transcript - {lender}\nChat ID: {draw.Pick("CHT", "LC", "WEB")}-{draw.Next(1_000_000, 9_999_999).ToString(Inv)}\nStarted: {start.ToString("MM/dd/yyyy h:mm tt", Inv)} {draw.Pick("ET", "CT", "PT", "MT")}\n\n",
            1 => $"Conversation with {lender} Support\n{start.ToString("dddd, MMMM d, yyyy", Inv)}\n\n",
            _ => $"{lender} | Secure Chat\nTranscript requested by customer. Reference #{draw.Next(10_000_000, 99_999_999).ToString(Inv)}\n\n",
        });

        var possessive = lender.EndsWith('s') ? lender + "'" : lender + "'s";
        chat.Say(bot, $"Hi there! I'm {(bot == "Virtual Assistant" ? possessive + " virtual assistant" : bot + ", " + possessive + " virtual assistant")}. {draw.Pick("How can I help you today?", "What can I help you with?", "Ask me anything about your account.")}", 0, 2);
        var ask = type switch
        {
            LiabilityType.CreditCard => draw.Pick("whats my statment balance", "how much do i owe this month", "need min payment amount and due date", "balance pls", "What is my minimum paymnet?"),
            LiabilityType.StudentLoan => draw.Pick("payoff amount", "how much to pay off my student loan", "i want to pay off my loan in full whats the amt", "when is my next paymnet due"),
            _ => draw.Pick("payoff", "need payof amount", "how much to pay off my loan", "i want to pay off the loan early, what do i owe total", "Payoff quote please"),
        };
        chat.Customer(ask);
        var verifySsn = draw.OneIn(2);
        chat.Say(bot, verifySsn
            ? "I can help with that. First, for your security, please enter the last 4 digits of your Social Security number."
            : "Sure! To protect your account, please enter your date of birth (MM/DD/YYYY).", 1, 3);
        chat.Customer(verifySsn ? draw.Next(0, 10_000).ToString("D4", Inv) : new DateOnly(draw.Next(1955, 2003), draw.Next(1, 13), draw.Next(1, 29)).ToString("MM/dd/yyyy", Inv));
        chat.Say(bot, $"Thanks! I'm connecting you with a specialist who can help. {draw.Pick("Estimated wait time: 2 minutes.", "You are number 3 in line.", "This usually takes less than 5 minutes.", "")}".TrimEnd(), 1, 4);
        chat.System(draw.Pick($"Agent {agent} has joined the chat", $"{agent} joined the conversation", $"You are now chatting with {agent} (ID {draw.Next(10_000, 99_999).ToString(Inv)})"));
        var agentName = style == 3 || draw.OneIn(2) ? agent : $"Agent {agent}";
        chat.Say(agentName, $"Hi{(customer is "customer" ? "" : " " + customer.Split(' ')[0])}, my name is {agent}. {draw.Pick("Thanks for waiting!", "Thank you for verifying.", "I'm happy to help.")} I have your {Product(type)} ending in {last4} pulled up.", 20, 180);
        if (draw.OneIn(3))
        {
            chat.System($"{agent} is typing...");
        }

        ExtractedFields fields;
        if (type == LiabilityType.CreditCard)
        {
            fields = CardChat(draw, chat, agentName, chatDate, D, M, last4);
        }
        else if (type == LiabilityType.StudentLoan && ask.Contains("next", StringComparison.Ordinal))
        {
            fields = NextPaymentChat(draw, chat, agentName, chatDate, D, M, last4);
        }
        else
        {
            fields = PayoffChat(draw, chat, agentName, chatDate, D, M, last4, type);
        }

        chat.Say(agentName, draw.Pick("Is there anything else I can help you with today?", "Anything else I can do for you?", "Can I help with anything else?"));
        chat.Customer(draw.Pick("no thats it thx", "nope thank you!!", "no", "thats all, thanks", "ok thx bye"));
        chat.Say(agentName, $"Thank you for chatting with {lender}. Have a great {(chat.Now.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday && draw.OneIn(2) ? "weekend" : chat.Now.Hour >= 17 ? "evening" : "day")}!");
        chat.System(draw.Pick("Chat ended by agent", "The chat has ended", $"{agent} has left the chat"));
        if (draw.OneIn(2))
        {
            chat.Say(bot, "How would you rate your chat experience today? (1 = poor, 5 = excellent)", 1, 3);
            chat.Customer(draw.Pick("5", "4", "5", "3"));
            chat.Say(bot, "Thanks for your feedback!", 1, 2);
        }

        var footer = draw.OneIn(2) ? $"\nThis chat may be monitored or recorded for quality purposes. A copy of this transcript was sent to {customer.ToLowerInvariant().Replace(' ', '.').Replace(".", "", StringComparison.Ordinal)[..1]}***@{draw.Pick("gmail.com", "yahoo.com", "outlook.com")}.\n" : "";
        var kind = draw.Next(3) == 0 ? SourceKind.CallTranscript : SourceKind.Other;
        return new SyntheticDocument(type, kind, lender, header + chat.ToString() + footer, fields);
    }

    private static string Product(LiabilityType type) => type switch
    {
        LiabilityType.AutoLoan => "auto loan",
        LiabilityType.CreditCard => "card",
        LiabilityType.StudentLoan => "student loan account",
        _ => "personal loan",
    };

    private static ExtractedFields PayoffChat(Draw draw, Chat chat, string agent, DateOnly today, Func<DateOnly, string> d, Func<decimal, string> m, string last4, LiabilityType type)
    {
        var principal = type switch
        {
            LiabilityType.AutoLoan => draw.Amount(3_000m, 38_000m),
            LiabilityType.StudentLoan => draw.Amount(2_500m, 62_000m),
            _ => draw.Amount(900m, 24_000m),
        };
        var rate = Math.Round(type switch
        {
            LiabilityType.AutoLoan => draw.Rate(3.5m, 16m),
            LiabilityType.StudentLoan => draw.Rate(2.75m, 8.5m),
            _ => draw.Rate(7.5m, 26m),
        }, 2);
        var perDiem = Math.Round(principal * rate / 36_500m, 2);
        var days = draw.Next(5, 31);
        var good = today.AddDays(int.Parse(draw.Pick("7", "10", "10", "14", "5"), Inv));
        var interest = Math.Round(perDiem * (days + (good.DayNumber - today.DayNumber)), 2);
        var payoff = principal + interest;
        var statePerDiem = draw.Next(3) != 0;
        var statePrincipal = draw.OneIn(2);
        var stateRate = draw.OneIn(3);
        var monthly = Math.Round(principal / draw.Next(18, 70) + (principal * rate / 1200m), 2);
        var stateNext = draw.OneIn(3);
        var nextDue = today.AddDays(draw.Next(3, 29));
        var kind = draw.Next(4);
        var greeting = draw.Pick("Let me pull that up for you.", "One moment while I generate that.", "Sure, give me just a second.");
        chat.Say(agent, greeting);

        switch (kind)
        {
            case 0: // read last month's quote first
                var oldGood = today.AddDays(-draw.Next(18, 40));
                var oldPayoff = payoff + draw.Amount(150m, 700m);
                chat.Say(agent, $"Your payoff amount is {m(oldPayoff)}, good through {d(oldGood)}.", 30, 120);
                chat.Customer(draw.Pick("wait that date already passed?", "hmm that seems high", "ok", "is that including interest?"));
                chat.Say(agent, $"{draw.Pick("I'm so sorry", "Sorry", "Apologies")}, that was last month's quote. The correct payoff is {m(payoff)}, good through {d(good)}.", 20, 80);
                break;
            case 1: // wrong good-through date
                var wrongGood = good.AddDays(int.Parse(draw.Pick("-3", "3", "7", "-5"), Inv));
                chat.Say(agent, $"The payoff is {m(payoff)} and that's good through {d(wrongGood)}.", 30, 120);
                chat.Customer(draw.Pick("great", "ok so i have till then?", "perfect"));
                chat.Say(agent, $"{draw.Pick("Correction", "Sorry, let me correct that", "Oops, my mistake")} - the quote is good through {d(good)}, not {d(wrongGood)}. The amount {m(payoff)} doesn't change.", 15, 60);
                break;
            case 2: // typo in the amount
                var typo = Typo(payoff, draw);
                chat.Say(agent, $"Your payoff, good through {d(good)}, is {m(typo)}.", 30, 120);
                chat.Customer(draw.Pick($"{m(typo)}?", "ok one sec writing it down", "got it"));
                chat.Say(agent, $"Sorry, I typed that wrong! It's *{m(payoff)}*.", 10, 40);
                chat.Customer(draw.Pick($"ok {payoff.ToString("#,##0.00", Inv)} thx", $"so {m(payoff)} by {d(good)}?", "ok"));
                if (draw.OneIn(2))
                {
                    chat.Say(agent, "That's correct.", 5, 20);
                }

                break;
            default: // gave the principal first
                var fee = type == LiabilityType.AutoLoan && draw.OneIn(2) ? 15m : 0m;
                payoff += fee;
                chat.Say(agent, $"The amount to pay it off is {m(principal)}.", 30, 120);
                chat.Customer(draw.Pick("thats the total?", "so if i pay that today its done?", "ok great"));
                chat.Say(agent, $"{draw.Pick("Actually, sorry", "Let me correct myself", "My apologies")} - {m(principal)} is just the principal balance. With interest{(fee > 0 ? " and the $15.00 lien release fee" : "")}, the full payoff through {d(good)} is {m(payoff)}.", 20, 70);
                statePrincipal = true;
                break;
        }

        if (statePerDiem)
        {
            chat.Say(agent, draw.Pick($"If it's paid after {d(good)}, add {m(perDiem)} for each additional day.", $"The per diem is {m(perDiem)}.", $"Interest accrues at {m(perDiem)} per day after that date."));
        }

        if (statePrincipal && kind != 3)
        {
            chat.Customer(draw.Pick("and whats the principal", "how much of that is principal?", "what is the principle balance"));
            chat.Say(agent, $"Principal balance is {m(principal)}; the rest is accrued interest.");
        }

        if (stateRate)
        {
            chat.Customer(draw.Pick("what is my interest rate again", "whats my rate", "and the APR?"));
            chat.Say(agent, $"Your rate is {rate.ToString("0.00", Inv)}%.");
        }

        if (stateNext)
        {
            chat.Customer(draw.Pick("do i still need to make my payment this month", "when is my next payment due", "should i still pay my monthly"));
            chat.Say(agent, $"Yes - your next payment of {m(monthly)} is due {d(nextDue)}. If the payoff posts before then, you won't need to make it.");
        }

        if (draw.OneIn(2))
        {
            chat.Say(agent, $"You can pay by phone at 1-800-555-01{draw.Next(10, 100).ToString(Inv)} or send certified funds. Please include the account number ending {last4}.");
        }

        return new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = good,
            PerDiem = statePerDiem ? perDiem : null,
            PrincipalBalance = statePrincipal ? principal : null,
            InterestRatePct = stateRate ? rate : null,
            NextPaymentAmount = stateNext ? monthly : null,
            NextPaymentDueDate = stateNext ? nextDue : null,
            AccountLast4 = last4,
        };
    }

    private static ExtractedFields NextPaymentChat(Draw draw, Chat chat, string agent, DateOnly today, Func<DateOnly, string> d, Func<decimal, string> m, string last4)
    {
        var oldPayment = draw.Amount(95m, 640m);
        var newPayment = Math.Round(oldPayment * (0.55m + (draw.Next(35) / 100m)), 2);
        var due = new DateOnly(today.Year, today.Month, draw.Next(1, 29));
        if (due <= today)
        {
            due = due.AddMonths(1);
        }

        var principal = draw.Amount(4_000m, 58_000m);
        var rate = Math.Round(draw.Rate(2.75m, 7.6m), 3);
        chat.Say(agent, $"Your next payment is {m(oldPayment)}, due {d(due)}.", 30, 100);
        chat.Customer(draw.Pick("i thought my payment went down after i recertified?", "wasnt it lowered?? i did the IDR thing", "that's not what my letter said"));
        chat.Say(agent, $"You're right, {draw.Pick("sorry about that", "my apologies", "I was looking at the old schedule")} - that was your payment before the income-driven plan was approved. Your new monthly payment is {m(newPayment)}, starting with the {d(due)} payment.", 30, 120);
        var statePrincipal = draw.OneIn(2);
        var stateRate = draw.OneIn(2);
        if (statePrincipal)
        {
            chat.Customer(draw.Pick("whats my balance", "how much do i still owe", "total balance?"));
            chat.Say(agent, $"Outstanding principal is {m(principal)}, plus any accrued interest.");
        }

        if (stateRate)
        {
            chat.Customer(draw.Pick("whats my rate", "and interest rate?"));
            chat.Say(agent, $"Your weighted average interest rate is {rate.ToString("0.000", Inv)}%.");
        }

        return new ExtractedFields
        {
            NextPaymentAmount = newPayment,
            NextPaymentDueDate = due,
            PrincipalBalance = statePrincipal ? principal : null,
            InterestRatePct = stateRate ? rate : null,
            AccountLast4 = last4,
        };
    }

    private static ExtractedFields CardChat(Draw draw, Chat chat, string agent, DateOnly today, Func<DateOnly, string> d, Func<decimal, string> m, string last4)
    {
        var limit = 500m * draw.Next(2, 41);
        var statement = draw.Amount(limit * 0.05m, limit * 0.85m);
        var minimum = Math.Max(35m, Math.Round((statement * 0.01m) + (statement * draw.Next(14, 26) / 1200m), 0));
        minimum = Math.Min(minimum, statement);
        var closing = new DateOnly(today.Year, today.Month, draw.Next(1, 29));
        if (closing > today.AddDays(-3))
        {
            closing = closing.AddMonths(-1);
        }

        var due = closing.AddDays(25);
        var prevStatement = draw.Amount(limit * 0.05m, limit * 0.85m);
        var prevMinimum = Math.Max(35m, Math.Round(prevStatement * 0.02m, 0));
        var prevDue = due.AddMonths(-1);
        var current = statement + draw.Amount(12m, Math.Min(400m, limit * 0.1m));
        var apr = Math.Round(draw.Rate(17.24m, 29.99m), 2);
        var kind = draw.Next(3);
        chat.Say(agent, draw.Pick("Let me take a look.", "One moment please.", "Sure thing!"));
        var stateMin = true;
        switch (kind)
        {
            case 0: // read the previous statement
                chat.Say(agent, $"Your statement balance is {m(prevStatement)} and the minimum payment of {m(prevMinimum)} is due {d(prevDue)}.", 30, 100);
                chat.Customer(draw.Pick("i already paid that one tho", "thats last month isnt it?", "huh? i paid on the " + prevDue.AddDays(-2).Day.ToString(Inv)));
                chat.Say(agent, $"{draw.Pick("You're right, sorry", "Apologies", "Sorry about that")} - I was looking at the {closing.AddMonths(-1).ToString("MMMM", Inv)} statement. Your current statement (closed {d(closing)}) shows a balance of {m(statement)}, minimum payment {m(minimum)}, due {d(due)}.", 25, 90);
                break;
            case 1: // current balance vs statement balance
                chat.Say(agent, $"Your balance is {m(current)}.", 20, 70);
                chat.Customer(draw.Pick("is that what i need to pay to avoid interest?", "thats more than my statement said", "ok and min?"));
                chat.Say(agent, $"Sorry, let me clarify - {m(current)} is your current balance including recent activity. Your statement balance is {m(statement)}; paying that by {d(due)} avoids interest on purchases. The minimum payment is {m(minimum)}.", 25, 90);
                break;
            default: // wrong minimum
                var wrongMin = minimum + 10m * draw.Next(1, 5);
                chat.Say(agent, $"Statement balance: {m(statement)}\nMinimum due: {m(wrongMin)}\nDue date: {d(due)}", 30, 100);
                chat.Customer(draw.Pick("min went up?", "why is the minimum higher this month", "ok"));
                chat.Say(agent, $"{draw.Pick("Correction", "Sorry, my mistake")}: the minimum payment is {m(minimum)} - {m(wrongMin)} included a late fee that was already reversed.", 20, 80);
                break;
        }

        var stateLimit = draw.OneIn(2);
        if (stateLimit)
        {
            chat.Customer(draw.Pick("whats my credit limit", "can u tell me my limit", "how much is my credit line"));
            chat.Say(agent, $"Your credit limit is {m(limit)} and your available credit is {m(limit - current)}.");
        }

        var stateApr = draw.OneIn(2);
        if (stateApr)
        {
            chat.Customer(draw.Pick("what apr am i paying", "whats the interest rate on purchases", "apr?"));
            chat.Say(agent, $"Your purchase APR is {apr.ToString("0.00", Inv)}%. {draw.Pick($"The cash advance APR is {(apr + 5m).ToString("0.00", Inv)}%.", "", "That's a variable rate tied to the Prime Rate.")}".TrimEnd());
        }

        return new ExtractedFields
        {
            StatementBalance = statement,
            MinimumPayment = stateMin ? minimum : null,
            NextPaymentDueDate = due,
            CreditLimit = stateLimit ? limit : null,
            InterestRatePct = stateApr ? apr : null,
            AccountLast4 = last4,
        };
    }

    private static decimal Typo(decimal amount, Draw draw)
    {
        var s = amount.ToString("0.00", Inv).ToCharArray();
        var dot = Array.IndexOf(s, '.');
        for (var tries = 0; tries < 10; tries++)
        {
            var i = draw.Next(1, dot - 1);
            if (s[i] != s[i + 1])
            {
                (s[i], s[i + 1]) = (s[i + 1], s[i]);
                return decimal.Parse(new string(s), Inv);
            }
        }

        return amount + 90m;
    }
}
