using System.Text;
using Extraction.Core.Batches;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Tooling.Generation;
using Microsoft.Extensions.Options;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// What the checks and the rules extractor do on a corpus, measured in-process (no model, no storage):
/// every account's gold answer is checked (a failure flags a right answer), every way a student goes
/// wrong is applied to it and checked (a pass lets a wrong answer through), each check's failures are
/// counted on right and on wrong answers (its precision and recall), a student wrong 15 % of the time is
/// played through with a perfect teacher behind it and again with a teacher that repeats the student's
/// wrong answer 30 % of the times it is asked, and the rules' reading is scored per field.
/// </summary>
public static class CorpusMeasurement
{
    /// <summary>The share of the student's answers made wrong for the residual-error and review figures, as in docs/quality.md.</summary>
    public const double StudentErrorShare = 0.15;

    /// <summary>How often the echoing teacher repeats a wrong student answer it is asked about (the two readings are not independent).</summary>
    public const double TeacherEchoShare = 0.30;

    public static CorpusFigures Measure(IEnumerable<SyntheticAccount> accounts, int corruptionSeed = 1, ChecksOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var checker = new AnswerChecker(Options.Create(options ?? new ChecksOptions()));
        var student = new Corruption(StudentErrorShare, corruptionSeed);
        var figures = new CorpusFigures();
        foreach (var account in accounts)
        {
            if (account.Gold is not { } gold || BatchLineParser.Parse(Encoding.UTF8.GetBytes(account.Line)).Item is not { } item)
            {
                continue;
            }

            // The document is read once for every answer of it checked below.
            var evidence = DocumentEvidence.Of(item);
            var goldChecks = checker.Run(item, gold, evidence);
            var goldPasses = Passes(goldChecks, out var goldFailures, figures, right: true);
            figures.Documents++;
            if (!goldPasses)
            {
                figures.GoldFlagged++;
                figures.Flags.Add($"{account.Family}: {goldFailures}");
            }

            foreach (var kind in Corruption.Kinds)
            {
                var content = Corruption.Apply(kind, gold, item.Source.Text, pick: (uint)figures.Documents);
                if (!AnswerParser.TryParse(content, out var wrong, out _) || wrong is null)
                {
                    figures.Corrupted++;
                    figures.Caught++;
                    figures.FirmCaught++;
                    continue;
                }

                if (wrong == gold)
                {
                    continue;
                }

                figures.Corrupted++;
                figures.CorruptedParsed++;
                if (!Passes(checker.Run(item, wrong, evidence), out _, figures, right: false))
                {
                    figures.Caught++;
                }
            }

            var (answer, answerPasses) = StudentAnswer(checker, student, item, gold, evidence);
            PlayStudent(figures, answer, answerPasses, gold, goldChecks);
            PlayEchoingTeacher(figures, checker, item, answer, answerPasses, gold, goldChecks, evidence, corruptionSeed);
            ScoreRules(figures, evidence.Rules.Fields, gold);
        }

        return figures;
    }

    /// <summary>
    /// One account through student, checks and a perfect teacher, as the pipeline runs it: the teacher's answer
    /// is checked, and its doubts settled where the student read the same (<see cref="Agreement"/>).
    /// </summary>
    private static void PlayStudent(CorpusFigures figures, ExtractedFields? answer, bool studentPasses, ExtractedFields gold, IReadOnlyList<CheckResult> goldChecks)
    {
        if (answer == gold)
        {
            figures.StudentRight++;
            if (!studentPasses)
            {
                figures.StudentRightEscalated++;
            }
        }

        if (studentPasses)
        {
            figures.Extracted++;
            if (answer != gold)
            {
                figures.ExtractedWrong++;
            }
        }
        else if (AnswerChecker.AllPassed(Agreement.Settle(goldChecks, gold, answer)))
        {
            figures.Extracted++;
        }
        else
        {
            figures.NeedsReview++;
        }
    }

    /// <summary>
    /// The same student with a teacher that, asked about a wrong student answer, gives that same answer back
    /// in <see cref="TeacherEchoShare"/> of the cases (and the gold answer otherwise).
    /// </summary>
    private static void PlayEchoingTeacher(
        CorpusFigures figures, AnswerChecker checker, BatchItem item, ExtractedFields? answer, bool studentPasses, ExtractedFields gold, IReadOnlyList<CheckResult> goldChecks, DocumentEvidence evidence, int seed)
    {
        var echo = answer is not null && answer != gold && !studentPasses && Corruption.Chance($"echo:{seed}:{item.Source.Text}") < TeacherEchoShare;
        var teacherAnswer = echo ? answer! : gold;
        var teacherPasses = AnswerChecker.AllPassed(Agreement.Settle(echo ? checker.Run(item, teacherAnswer, evidence) : goldChecks, teacherAnswer, answer));

        var (final, passes) = studentPasses ? (answer, true) : (teacherAnswer, teacherPasses);
        if (passes)
        {
            figures.EchoExtracted++;
            if (final != gold)
            {
                figures.EchoExtractedWrong++;
            }
        }
        else
        {
            figures.EchoNeedsReview++;
        }
    }

    /// <summary>The student's answer (gold, or made wrong 15 % of the time), and whether it passes its checks.</summary>
    private static (ExtractedFields? Answer, bool Passes) StudentAnswer(AnswerChecker checker, Corruption student, BatchItem item, ExtractedFields gold, DocumentEvidence evidence)
    {
        var content = student.Apply(gold, item.Source.Text) ?? ContractJson.Serialize(gold);
        var parsed = AnswerParser.TryParse(content, out var answer, out _) ? answer : null;
        return (parsed, parsed is not null && AnswerChecker.AllPassed(checker.Run(item, parsed, evidence)));
    }

    private static void ScoreRules(CorpusFigures figures, ExtractedFields rules, ExtractedFields gold)
    {
        foreach (var field in FieldCatalog.All)
        {
            var (truth, read) = (field.Get(gold), field.Get(rules));
            var score = figures.Rules.TryGetValue(field.Name, out var s) ? s : new FieldScore(0, 0, 0);
            figures.Rules[field.Name] = (truth, read) switch
            {
                (null, null) => score,
                (_, null) => score with { Missed = score.Missed + 1 },
                _ when Equals(truth, read) => score with { Right = score.Right + 1 },
                _ => score with { Wrong = score.Wrong + 1 },
            };
        }
    }

    /// <summary>Whether the checks passed; each failed one counted in <paramref name="tally"/> as a failure on a right or a wrong answer.</summary>
    private static bool Passes(IReadOnlyList<CheckResult> checks, out string failures, CorpusFigures tally, bool right)
    {
        var failed = checks.Where(c => !c.Passed).ToList();
        failures = string.Join("; ", failed.Select(c => $"{c.Name}: {c.Detail}"));
        foreach (var check in failed)
        {
            // A check's doubts (soft failures) are counted apart from its firm failures: their precision differs.
            var name = check.Soft ? $"{check.Name} (doubt)" : check.Name;
            var counts = tally.Checks.TryGetValue(name, out var c) ? c : new CheckTally(0, 0);
            tally.Checks[name] = right ? counts with { FailedRight = counts.FailedRight + 1 } : counts with { FailedWrong = counts.FailedWrong + 1 };
        }

        if (failed.Any(c => !c.Soft))
        {
            if (right)
            {
                tally.FirmFlagged++;
            }
            else
            {
                tally.FirmCaught++;
            }
        }

        return failed.Count == 0;
    }
}

/// <summary>The rules extractor on one field: values read right, read wrong (a value where the truth is another or none), and missed.</summary>
public sealed record FieldScore(int Right, int Wrong, int Missed)
{
    public int Read => Right + Wrong;

    public int Stated => Right + Missed + Wrong;

    /// <summary>Of the values it read, the share that is wrong (goal: under 1 %).</summary>
    public double WrongRate => Read == 0 ? 0 : (double)Wrong / Read;

    /// <summary>Of the values the document states, the share read right (goal: 90 % or more).</summary>
    public double Recall => Stated == 0 ? 1 : (double)Right / Stated;
}

/// <summary>One check on a corpus: how many right (gold) answers and how many wrong (corrupted, parsed) answers it failed.</summary>
public sealed record CheckTally(int FailedRight, int FailedWrong)
{
    /// <summary>Of the wrong answers it saw, the share it failed.</summary>
    public double Recall(int wrongSeen) => wrongSeen == 0 ? 0 : (double)FailedWrong / wrongSeen;

    /// <summary>
    /// How often "failed" means the answer is wrong, for a student wrong <paramref name="errorShare"/> of the time:
    /// its rate of failing wrong answers against its rate of failing right ones, weighed by how common each is.
    /// </summary>
    public double Precision(int rightSeen, int wrongSeen, double errorShare)
    {
        var hit = errorShare * Recall(wrongSeen);
        var falseAlarm = (1 - errorShare) * (rightSeen == 0 ? 0 : (double)FailedRight / rightSeen);
        return hit + falseAlarm == 0 ? 1 : hit / (hit + falseAlarm);
    }
}

/// <summary>The counts behind the figures of docs/quality.md for one part of the corpus.</summary>
public sealed class CorpusFigures
{
    public int Documents { get; internal set; }

    /// <summary>Wrong answers tried (five kinds per document, minus those that happen to equal gold).</summary>
    public int Corrupted { get; internal set; }

    public int Caught { get; internal set; }

    /// <summary>Wrong answers that parsed, so the checks saw them (malformed JSON never reaches a check).</summary>
    public int CorruptedParsed { get; internal set; }

    /// <summary>Wrong answers caught by a firm failure (or no parse): what is caught if doubts alone do not send an answer away.</summary>
    public int FirmCaught { get; internal set; }

    /// <summary>Right answers with a firm failure: what is flagged if doubts alone do not send an answer away.</summary>
    public int FirmFlagged { get; internal set; }

    /// <summary>Each check's failures on right and on wrong answers, by check name.</summary>
    public Dictionary<string, CheckTally> Checks { get; } = new(StringComparer.Ordinal);

    /// <summary>Played accounts where the student answered right, and those of them sent to the teacher anyway.</summary>
    public int StudentRight { get; internal set; }

    public int StudentRightEscalated { get; internal set; }

    /// <summary>The same play with a teacher that echoes a wrong student answer <see cref="CorpusMeasurement.TeacherEchoShare"/> of the time.</summary>
    public int EchoExtracted { get; internal set; }

    public int EchoExtractedWrong { get; internal set; }

    public int EchoNeedsReview { get; internal set; }

    /// <summary>Right (gold) answers that fail a check.</summary>
    public int GoldFlagged { get; internal set; }

    public int Extracted { get; internal set; }

    public int ExtractedWrong { get; internal set; }

    public int NeedsReview { get; internal set; }

    public Dictionary<string, FieldScore> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>Why each flagged right answer failed, "family: check: detail".</summary>
    public List<string> Flags { get; } = [];

    public double CatchRate => Corrupted == 0 ? 1 : (double)Caught / Corrupted;

    public double CleanFlaggedRate => Documents == 0 ? 0 : (double)GoldFlagged / Documents;

    public double ResidualError => Extracted == 0 ? 0 : (double)ExtractedWrong / Extracted;

    public double NeedsReviewRate => Documents == 0 ? 0 : (double)NeedsReview / Documents;

    public double RightEscalatedRate => StudentRight == 0 ? 0 : (double)StudentRightEscalated / StudentRight;

    public double EchoResidualError => EchoExtracted == 0 ? 0 : (double)EchoExtractedWrong / EchoExtracted;
}
