namespace Extraction.Core.Training;

/// <summary>Where a training example's answer came from, best first.</summary>
public enum TrainingSource
{
    /// <summary>A person's correction from the review queue.</summary>
    Human,

    /// <summary>The teacher's answer, every check passed.</summary>
    Teacher,

    /// <summary>The student's answer, every check passed and the second opinion agreeing.</summary>
    Student,
}
