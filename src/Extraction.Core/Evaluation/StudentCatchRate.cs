namespace Extraction.Core.Evaluation;

/// <summary>
/// How well the checks treat the student: of its wrong answers (unusable, or parsed but not gold),
/// how many did not end <c>extracted</c> with wrong fields; of its right answers, how many were sent
/// to the teacher or to review anyway.
/// </summary>
public sealed record StudentCatchRate(int WrongAnswers, int WrongCaught, int RightAnswers, int RightEscalated)
{
    public double CatchRate => WrongAnswers == 0 ? 1 : (double)WrongCaught / WrongAnswers;

    public double FalseAlarmRate => RightAnswers == 0 ? 0 : (double)RightEscalated / RightAnswers;
}
