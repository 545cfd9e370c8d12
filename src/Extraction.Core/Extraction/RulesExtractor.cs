using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// A deterministic, label-driven extractor for fields.v1: regular expressions, not a language model.
/// It reads a value only where a known label names it — on the label's line, or where a table or a
/// conversation puts it on the next line (the same column; the answer after a question) — and prefers
/// null to a guess. Labels are matched on a line with its abbreviations written out (<see cref="LabelText"/>).
/// It is the embedded default model and the second opinion on a model's answer.
/// </summary>
public static partial class RulesExtractor
{
    /// <summary>How far past a label a value may stand and still belong to it.</summary>
    internal const int ValueWindow = 90;

    /// <param name="asOf">The document's date, when known: a date written without its year ("due 3/14") is read in the year nearest it.</param>
    public static ExtractedFields Extract(LiabilityType liabilityType, string text, DateOnly? asOf = null) => Read(liabilityType, text, asOf).Fields;

    /// <summary>The rules' reading, with the fields they are sure of: read after a trusted label that names one value only.</summary>
    public static RulesReading Read(LiabilityType liabilityType, string text, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = AccountSections.Of([.. DocumentText.Lines(text).Select(MisreadWords.Repair)], liabilityType);
        var page = new Page(raw, [.. raw.Select(LabelText.Expand)]);
        Func<string, DateOnly?> readDate = window => DocumentValues.FirstDate(window, asOf);
        var read = new Dictionary<string, FieldReading>(StringComparer.Ordinal);
        T? Keep<T>(FieldInfo field, Reading<T> reading) where T : struct
        {
            if (reading.Value is { } value)
            {
                read[field.Name] = new FieldReading([value, .. reading.Others.Select(o => (object)o)], reading.Line, reading.Sure);
            }

            return reading.Value;
        }

        var last4s = Last4Reading.Find(page.Lines);
        if (last4s.Count > 0)
        {
            read[FieldCatalog.AccountLast4.Name] = new FieldReading([.. last4s.Select(l => l.Digits)], last4s[0].Line, last4s is [{ Labelled: true }]);
        }

        // A value read under a label that does not belong to the account (a HELOC's credit line, a card's
        // "principal") is not an opinion on the answer: the field is not the account's.
        var fields = FieldCatalog.Fitting(new ExtractedFields
        {
            PayoffAmount = Keep(FieldCatalog.PayoffAmount, Find(page, DocumentValues.FirstMoney, [RuleLabels.PayoffAmountLabel()])),
            PayoffGoodThrough = Keep(FieldCatalog.PayoffGoodThrough, NearestToPayoff(page, readDate, RuleLabels.GoodThroughLabel())),
            PerDiem = Keep(FieldCatalog.PerDiem, Find(page, DocumentValues.FirstMoney, [RuleLabels.PerDiemLabel()]).Or(() => FindBefore(page.Lines, RuleLabels.PerDayUnit()))),
            PrincipalBalance = Keep(FieldCatalog.PrincipalBalance, Find(page, DocumentValues.FirstMoney, [RuleLabels.PrincipalLabel()], RuleLabels.LoanBalanceLabel()).Or(() => AmountBefore(page.Lines, RuleLabels.PrincipalAfterAmount()))),
            EscrowBalance = Keep(FieldCatalog.EscrowBalance, Find(page, DocumentValues.FirstMoney, [RuleLabels.EscrowBalanceLabel()]).Or(() => FindShortage(page))),
            StatementBalance = Keep(FieldCatalog.StatementBalance, Find(page, DocumentValues.FirstMoney, [RuleLabels.StatementBalanceLabel()])),
            MinimumPayment = Keep(FieldCatalog.MinimumPayment, Find(page, DocumentValues.FirstMoney, [RuleLabels.MinimumPaymentLabel()])),
            NextPaymentAmount = Keep(FieldCatalog.NextPaymentAmount, Find(page, DocumentValues.FirstMoney, [RuleLabels.NextPaymentLabel(), RuleLabels.RegularPaymentLabel()], RuleLabels.AmountDueLabel())),
            NextPaymentDueDate = Keep(FieldCatalog.NextPaymentDueDate, Find(page, readDate, [RuleLabels.DueDateLabel()], RuleLabels.DueLabel())),
            InterestRatePct = Keep(FieldCatalog.InterestRatePct, Find(page, DocumentValues.FirstPercent, [RuleLabels.RateLabel()], RuleLabels.AnyRateLabel())),
            CreditLimit = Keep(FieldCatalog.CreditLimit, Find(page, DocumentValues.FirstMoney, [RuleLabels.CreditLimitLabel()])),
            AccountLast4 = last4s.Count > 0 ? last4s[0].Digits : null,
        }, liabilityType);
        return new RulesReading(fields, read.Where(r => FieldCatalog.Named(r.Key)!.Get(fields) is not null).ToDictionary());
    }

    /// <summary>The document's lines as written (for the columns of a table) and with abbreviations written out (for labels).</summary>
    private sealed record Page(string[] Raw, string[] Lines);

    /// <summary>
    /// A value the rules read (the first its label names), the other values the same label names, and whether they
    /// are sure of it: a trusted label that names this one value only.
    /// </summary>
    private readonly record struct Reading<T>(T? Value, bool Sure, IReadOnlyList<T> Others) where T : struct
    {
        /// <summary>The line the value was read on (its label's).</summary>
        public int Line { get; init; }

        public IReadOnlyList<T> Others { get; init; } = Others ?? [];

        /// <summary>This reading, or where there is none the <paramref name="fallback"/>'s, never sure.</summary>
        public Reading<T> Or(Func<T?> fallback) => Value is null ? new(fallback(), false, []) : this;
    }

    /// <summary>
    /// The first value the first label that names any gives, trusted labels first (the rules' answer), and every other
    /// value any of the field's labels names (a document with history names old figures too). Sure only where all
    /// the field's labels name that one value, a trusted label read it in its own sentence, and nothing else competes.
    /// </summary>
    private static Reading<T> Find<T>(Page page, Func<string, T?> readValue, Regex[] trusted, params Regex[] lastResort) where T : struct
    {
        Reading<T> reading = default;
        var values = new List<T>();
        var candidates = trusted.Select(l => (Label: l, Trusted: true)).Concat(lastResort.Select(l => (Label: l, Trusted: false)))
            .SelectMany(l => Labelled(page, readValue, l.Label).Select(c => (c.Line, c.Value, Sure: l.Trusted && c.OwnLine)));
        foreach (var (line, value, sure) in candidates)
        {
            if (values.Count == 0)
            {
                reading = new(value, sure, []) { Line = line };
            }

            if (!values.Contains(value))
            {
                values.Add(value);
                if (values.Count == MaxCandidates)
                {
                    break; // enough to know the field's labels name several values: the rest of a long statement is not read
                }
            }
        }

        return values.Count <= 1 ? reading : reading with { Sure = false, Others = values[1..] };
    }

    /// <summary>Enough of a label's values to tell one from several, without reading a long statement's every row.</summary>
    internal const int MaxCandidates = 4;

    /// <summary>Every value a label names, with the line of the label, in document order.</summary>
    /// <remarks>OwnLine: read in the label's own sentence, not in a table's next row or the next speaker's answer.</remarks>
    private static IEnumerable<(int Line, T Value, bool OwnLine)> Labelled<T>(Page page, Func<string, T?> readValue, Regex label) where T : struct
    {
        var lines = page.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in label.Matches(lines[i]))
            {
                var end = match.Index + match.Length;
                var value = readValue(Window(lines[i], end));
                var ownLine = value is not null;
                if (value is null && !HasValueAfter(lines[i], end) && Array.FindIndex(lines, i + 1, l => !string.IsNullOrWhiteSpace(l)) is var next and >= 0)
                {
                    value = readValue(NextLineValue(page, i, next, match));
                }

                if (value is { } found)
                {
                    yield return (i, found, ownLine);
                }
            }
        }
    }

    /// <summary>
    /// A letter may quote several amounts with their own dates (reinstatement and payoff, say): the
    /// good-through date that belongs to the payoff is the one nearest the payoff amount's label.
    /// </summary>
    private static Reading<DateOnly> NearestToPayoff(Page page, Func<string, DateOnly?> readDate, Regex label)
    {
        var candidates = Labelled(page, readDate, label).ToList();
        if (candidates.Select(c => c.Value).Distinct().Count() <= 1)
        {
            return candidates.Count == 0 ? default : new(candidates[0].Value, true, []) { Line = candidates[0].Line };
        }

        var payoff = Labelled(page, DocumentValues.FirstMoney, RuleLabels.PayoffAmountLabel()).Select(p => (int?)p.Line).FirstOrDefault();
        var chosen = payoff is not { } payoffLine ? candidates[0] : candidates.MinBy(c => Math.Abs(c.Line - payoffLine));
        return new(chosen.Value, false, [.. candidates.Select(c => c.Value).Distinct().Where(d => d != chosen.Value)]) { Line = chosen.Line };
    }

    /// <summary>
    /// Where a label ends its line (a table header, a question), the value may be on the next line: the
    /// cell under the label in a table laid out in columns, or the answer in the next turn of a conversation.
    /// </summary>
    private static string NextLineValue(Page page, int header, int next, Match label)
    {
        var line = page.Lines[header];
        if (SpeakerTurn().Match(line) is { Success: true } asked)
        {
            return IsAnswer(line, asked, label, page.Lines[next], out var answer) ? Window(page.Lines[next], answer.Length) : "";
        }

        // A cell starts under the label, in the columns as written: blank just before the label's column, its text within
        // the label's width. Under a table of several rows closed by a totals row, the account's figure is the total.
        var row = page.Raw[TotalsRow(page.Raw, next) ?? next];
        var column = LabelText.WrittenIndex(page.Raw[header], label.Index);
        var width = LabelText.WrittenIndex(page.Raw[header], label.Index + label.Length) - column;
        if (column >= row.Length || (column > 0 && !char.IsWhiteSpace(row[column - 1])))
        {
            return "";
        }

        var cell = row[column..];
        var indent = cell.Length - cell.TrimStart().Length;
        return indent < width ? Window(cell, indent) : "";
    }

    /// <summary>The "Total(s)" row that closes two or more rows of a table starting at <paramref name="first"/>, if it has one.</summary>
    private static int? TotalsRow(string[] lines, int first)
    {
        for (var i = first + 2; i < lines.Length && i <= first + 12 && !string.IsNullOrWhiteSpace(lines[i]); i++)
        {
            if (TotalsCell().IsMatch(lines[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The next line answers the label's line when that asks a question and another speaker answers.</summary>
    internal static bool IsAnswer(string line, Match asked, Match label, string next, out Match answer)
    {
        answer = SpeakerTurn().Match(next);
        return answer.Success && line.IndexOf('?', label.Index) >= 0
            && !string.Equals(answer.Groups["speaker"].Value.Trim(), asked.Groups["speaker"].Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text a value must start in; an amount said in words that starts in it is read to its end.</summary>
    private static string Window(string line, int start)
    {
        // A label's value does not run past the end of its sentence into the next one's ("… is your principal only. Your payoff is …").
        var sentenceEnd = SentenceEnd().Match(line, start, Math.Min(line.Length, start + ValueWindow) - start);
        var end = sentenceEnd.Success ? sentenceEnd.Index : Math.Min(line.Length, start + ValueWindow);
        if (end == line.Length || sentenceEnd.Success)
        {
            return line[start..end];
        }

        var wordStart = end;
        while (wordStart > start && char.IsLetter(line[wordStart - 1]))
        {
            wordStart--;
        }

        var words = SpokenTail().Match(line, wordStart);
        return line[start..(words.Success ? wordStart + words.Length : end)];
    }

    /// <summary>A label followed on its line by anything that looks like a value (a digit, or a number in words) does not look to the next line.</summary>
    internal static bool HasValueAfter(string line, int end) => AnyValue().IsMatch(Window(line, end));

    /// <summary>A value written before its unit: "$4.12 per day", "4.12/day".</summary>
    private static decimal? FindBefore(string[] lines, Regex unit)
    {
        foreach (var line in lines)
        {
            foreach (Match match in unit.Matches(line))
            {
                var start = Math.Max(0, match.Index - ValueWindow);
                if (DocumentValues.LastMoney(line[start..match.Index]) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>An amount whose label follows it straight after: "$28,658.28 principal + $143.23 unpaid interest".</summary>
    private static decimal? AmountBefore(string[] lines, Regex amountThenLabel) =>
        lines.Select(l => amountThenLabel.Match(l)).Where(m => m.Success).Select(m => DocumentValues.FirstMoney(m.Groups["amount"].Value)).FirstOrDefault(a => a is not null);

    /// <summary>A stated escrow shortage is a negative escrow balance, however it is written.</summary>
    private static decimal? FindShortage(Page page) =>
        Find(page, DocumentValues.FirstMoney, [RuleLabels.EscrowShortageLabel()]).Value is { } shortage ? -Math.Abs(shortage) : null;

    /// <summary>A full stop after a word and before a capital: not a leader of dots ("Good through ...... February 15").</summary>
    private const string FullStop = @"(?<=[\w)%])(?<!\b\w|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.?!;](?=\s+[A-Z])";

    [GeneratedRegex(FullStop, RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>The end of a sentence ("… no longer used. Your new …", not "Corp., loan"), or a gap between the fields of a form.</summary>
    [GeneratedRegex(FullStop + @"|\s{2,}", RegexOptions.CultureInvariant)]
    internal static partial Regex PhraseBreak();

    /// <summary>A row whose first cell is just "Total(s)": not "Total Fees Charged $0.00".</summary>
    [GeneratedRegex(@"^\W*totals?(?=\s{2,}|\s*[:$\d,]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalsCell();

    /// <summary>A line of wire instructions: the "Account:" field under it is the bank's, not the loan's.</summary>
    [GeneratedRegex(@"\b(?:ABA|routing|wire|beneficiary|bank\s+name)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex WireBlock();

    /// <summary>Words that make a number label another identity's: a person's, another account's, a former number.</summary>
    [GeneratedRegex(@"\b(?:social|SSN|ZIP|checking|savings|routing|phone|confirmation|reference|previous(?:ly)?|prior|former|old|wire|ABA|beneficiary)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex OtherIdentity();

    /// <summary>A number right after its label, masked or not, maybe in groups or after a short prefix ("PL-", "12-3456-").</summary>
    [GeneratedRegex(@"\G[\s:#]*(?:(?:is|was|will\s+be)\s+)?(?:[A-Za-z]{1,3}-)?(?:[Xx*•.\-]+\s*)?(?:\d{1,6}[- ])*(?<digits>\d{4,})(?!\d)", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountNumber();

    /// <summary>Four digits as an answer: "Yeah, 4412."</summary>
    [GeneratedRegex(@"\G\W*(?:(?:yeah|yes|sure|it'?s|ok(?:ay)?)\W+){0,3}(?<digits>\d{4,})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SpokenAccountNumber();

    /// <summary>A masked number anywhere names the account: "••••1234", "XXXX-1234", "****1234".</summary>
    [GeneratedRegex(@"(?:[Xx*•]{3,}[\s-]?)+(?<digits>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    internal static partial Regex MaskedRun();

    /// <summary>The speaker's name that starts a turn of a transcript, with an optional time stamp: "[00:00:11] BORROWER:", "Agent:".</summary>
    [GeneratedRegex(@"^\s*(?:\[[\d:]+(?:\s*[AP]M)?\]\s*)?(?<speaker>[A-Za-z][\w .()'/-]{0,60}?):\s", RegexOptions.CultureInvariant)]
    internal static partial Regex SpeakerTurn();

    /// <summary>The rest of an amount in words cut by the window: "… five hundred and eight dollars and thirty-nine cents".</summary>
    [GeneratedRegex(@"\G[a-z ,-]{0,120}?\b(?:cents?|dollars?(?:\s+(?:and\s+)?[a-z -]{0,40}?\bcents?)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenTail();

    [GeneratedRegex(@"\d|\b(?:" + Lexicon.OneToNine + "|ten|" + Lexicon.TensWords + @"|hundred|thousand)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyValue();
}
