using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>The rules' reading of the account's last four digits, with the patterns of <see cref="RulesExtractor"/> (whose version they are part of).</summary>
internal static class Last4Reading
{
    /// <summary>
    /// The last four digits after an account label (written, or said one digit at a time), of the next speaker's
    /// answer to it, or of a masked number anywhere — never the digits of another identity named with the label.
    /// Every distinct one, the first first: the rules are sure only of one that every account label names.
    /// </summary>
    public static List<(string Digits, int Line, bool Labelled)> Find(string[] lines)
    {
        var labelled = LabelledLast4s(lines).DistinctBy(l => l.Digits).Take(RulesExtractor.MaxCandidates).Select(l => (l.Digits, l.Line, true)).ToList();
        return labelled.Count > 0 ? labelled
            : [.. lines.Select((l, i) => (Match: RulesExtractor.MaskedRun().Match(l), Line: i)).Where(m => m.Match.Success)
                .DistinctBy(m => m.Match.Groups["digits"].Value).Take(RulesExtractor.MaxCandidates).Select(m => (m.Match.Groups["digits"].Value, m.Line, false))];
    }

    private static IEnumerable<(string Digits, int Line)> LabelledLast4s(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in RuleLabels.AccountNumberLabel().Matches(lines[i]))
            {
                var end = match.Index + match.Length;
                if (NamesAnotherIdentity(lines[i], match) || (string.IsNullOrWhiteSpace(lines[i][..match.Index]) && i > 0 && RulesExtractor.WireBlock().IsMatch(lines[i - 1])))
                {
                    continue;
                }

                var digits = RulesExtractor.AccountNumber().Match(lines[i], end) is { Success: true } written ? written.Groups["digits"].Value : SpokenForms.SaidDigitsAt(lines[i], end);
                if (digits is null && i + 1 < lines.Length && RulesExtractor.SpeakerTurn().Match(lines[i]) is { Success: true } asked
                    && !RulesExtractor.HasValueAfter(lines[i], end) && RulesExtractor.IsAnswer(lines[i], asked, match, lines[i + 1], out var answer))
                {
                    digits = RulesExtractor.SpokenAccountNumber().Match(lines[i + 1], answer.Length) is { Success: true } said ? said.Groups["digits"].Value : SpokenForms.SaidDigitsAt(lines[i + 1], answer.Length);
                }

                if (digits is not null)
                {
                    yield return (digits[^4..], i);
                }
            }
        }
    }

    /// <summary>
    /// "the last four of your social", "my checking, the one ending 4166", "previously serviced by …, loan number …":
    /// a number label whose own phrase — back to a sentence break or a gap between form fields — names another identity.
    /// </summary>
    private static bool NamesAnotherIdentity(string line, Match label)
    {
        var start = Math.Max(0, label.Index - 2 * RulesExtractor.ValueWindow / 3);
        var before = line[start..label.Index];
        var phraseStart = RulesExtractor.PhraseBreak().Matches(before).LastOrDefault() is { } gap ? gap.Index + gap.Length : 0;
        var phrase = string.Concat(before.AsSpan(phraseStart), line.AsSpan(label.Index, Math.Min(line.Length - label.Index, label.Length + 24)));
        return RulesExtractor.OtherIdentity().IsMatch(phrase);
    }
}
