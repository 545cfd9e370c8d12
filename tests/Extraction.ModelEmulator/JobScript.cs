namespace Extraction.ModelEmulator;

/// <summary>How the next fine-tuning job the emulator is given ends, and how its model answers once deployed.</summary>
/// <param name="Succeeds">True: the job ends succeeded with a fine-tuned model; false: failed with <paramref name="FailureReason"/>.</param>
/// <param name="PollsBeforeDone">Reads of the job that still find it running (a slow job: many).</param>
/// <param name="CorruptShare">Share of the deployed model's answers that are wrong (see <see cref="Tooling.Evaluation.Corruption"/>).</param>
public sealed record JobScript(bool Succeeds, int PollsBeforeDone, double CorruptShare, string? FailureReason)
{
    public static JobScript Good(double corruptShare = 0, int pollsBeforeDone = 1) => new(true, pollsBeforeDone, corruptShare, null);

    public static JobScript Failing(string reason, int pollsBeforeDone = 1) => new(false, pollsBeforeDone, 0, reason);

    public static JobScript Slow(int pollsBeforeDone) => new(true, pollsBeforeDone, 0, null);
}
