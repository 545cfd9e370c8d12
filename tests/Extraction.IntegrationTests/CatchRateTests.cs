using Extraction.Core.Contracts;
using Extraction.Core.Evaluation;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Extraction.Tooling.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>
/// The checks against a student that gets 15% of the reference samples wrong in five ways, with a teacher
/// that answers from gold — the measurement of docs/quality.md, kept as a regression gate.
/// </summary>
public sealed class CatchRateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ModelEmulator.ModelEmulator.StartAsync();
        _emulator.AnswerFromGold(ReferenceSamples.BatchPath, ReferenceSamples.GoldPath);
        _emulator.CorruptShare(Student, share: 0.15, seed: 1);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task With_a_teacher_wrong_student_answers_are_caught_and_right_ones_pass()
    {
        var report = await EvaluateAsync(Settings(_emulator));

        var student = report.Student!;
        Assert.True(student.WrongAnswers >= 15, $"only {student.WrongAnswers} corrupted answers");
        Assert.True(student.CatchRate >= 0.98, $"caught {student.WrongCaught} of {student.WrongAnswers}");
        Assert.True(student.FalseAlarmRate <= 0.02, $"{student.RightEscalated} of {student.RightAnswers} right answers escalated");
        Assert.Equal(0, report.DocumentErrorRateAmongExtracted);
        Assert.Equal(200, report.Counts.Extracted);
    }

    [Fact]
    public async Task Without_a_teacher_wrong_student_answers_end_needs_review_or_failed()
    {
        var settings = Settings(_emulator);
        settings.Remove("Model:TeacherDeployment");

        var report = await EvaluateAsync(settings);

        Assert.Equal(report.Student!.WrongAnswers, report.Student.WrongCaught);
        Assert.Equal(report.Student.WrongAnswers, report.Counts.NeedsReview + report.Counts.Failed);
        Assert.Equal(0, report.DocumentErrorRateAmongExtracted);
    }

    private async Task<EvaluationReport> EvaluateAsync(Dictionary<string, string?> settings)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var batch = new BatchRef("acme", "catch");
        var outcome = await pipeline.RunFileAsync(batch, ReferenceSamples.BatchPath);
        Assert.True(outcome.Succeeded, outcome.Failure);
        var gold = await GoldLabels.ReadAsync(ReferenceSamples.GoldPath);
        var accounts = await pipeline.Services.GetRequiredService<EvaluationData>().CollectAsync(batch, gold);
        return Evaluator.Evaluate("under test", accounts, Student, settings.GetValueOrDefault("Model:TeacherDeployment"));
    }
}
