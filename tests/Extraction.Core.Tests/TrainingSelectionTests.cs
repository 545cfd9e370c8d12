using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Tests;

public sealed class TrainingSelectionTests
{
    private static readonly TrainingCandidates Candidates = new(
        new StorageClients(Options.Create(new StorageOptions())),
        new TableWriter(),
        Options.Create(new ModelOptions { Provider = ModelOptions.AzureOpenAI, StudentDeployment = "student", TeacherDeployment = "teacher" }),
        Options.Create(new TrainingOptions { DeploymentPrefix = "student-" }),
        TimeProvider.System);

    private static readonly CheckResult Passed = new("grounded", true, null);
    private static readonly CheckResult Agreed = new("second_opinion", true, null);

    [Theory]
    [InlineData(ResultStatus.NeedsReview)]
    [InlineData(ResultStatus.Failed)]
    [InlineData(ResultStatus.InvalidInput)]
    [InlineData(ResultStatus.OverBudget)]
    public void Unresolved_failed_invalid_and_over_budget_results_are_never_taught(ResultStatus status) =>
        Assert.Null(Candidates.Classify(Result("teacher", status, Passed, Agreed)));

    [Fact]
    public void A_teacher_answer_that_passed_every_check_is_taught_as_teacher() =>
        Assert.Equal(TrainingSource.Teacher, Candidates.Classify(Result("teacher", ResultStatus.Extracted, Passed)));

    [Fact]
    public void A_student_answer_is_taught_only_when_the_second_opinion_agreed()
    {
        Assert.Equal(TrainingSource.Student, Candidates.Classify(Result("student", ResultStatus.Extracted, Passed, Agreed)));
        Assert.Null(Candidates.Classify(Result("student", ResultStatus.Extracted, Passed)));
    }

    [Fact]
    public void A_promoted_candidates_answer_is_taught_as_the_students_and_an_unknown_deployments_is_not()
    {
        Assert.Equal(TrainingSource.Student, Candidates.Classify(Result("student-ftjob-000003", ResultStatus.Extracted, Passed, Agreed)));
        Assert.Null(Candidates.Classify(Result("someone-else", ResultStatus.Extracted, Passed, Agreed)));
    }

    [Fact]
    public void An_answer_with_a_failed_check_or_from_the_rules_is_not_taught()
    {
        Assert.Null(Candidates.Classify(Result("teacher", ResultStatus.Extracted, Passed, Agreed with { Passed = false })));
        Assert.Null(Candidates.Classify(Result(RulesExtractionModel.Version, ResultStatus.Extracted, Passed, Agreed)));
    }

    [Fact]
    public void The_split_is_a_pure_function_of_the_document()
    {
        var hash = TrainingExporter.DocumentHash("Total Payoff Amount $1.00");

        Assert.Equal(hash, TrainingExporter.DocumentHash("  Total   Payoff Amount\n$1.00 "));
        Assert.NotEqual(hash, TrainingExporter.DocumentHash("Total Payoff Amount $2.00"));
        var share = Enumerable.Range(0, 2_000).Count(i => TrainingExporter.IsValidation(TrainingExporter.DocumentHash($"doc {i}"), 10)) / 2_000.0;
        Assert.InRange(share, 0.08, 0.12);
    }

    private static ExtractionResult Result(string model, ResultStatus status, params CheckResult[] checks) =>
        new() { AccountId = "a", Status = status, Model = model, Fields = new ExtractedFields { PayoffAmount = 1m }, Checks = checks, RawOutput = "raw/a.json" };
}
