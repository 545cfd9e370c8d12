using System.Diagnostics;
using Extraction.Core.Activities;
using Extraction.Core.Batches;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Models;
using Extraction.Core.Prompting;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Extraction.ModelEmulator;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>
/// Every way a model call can go, through the real Azure.AI.OpenAI client over HTTP to the emulator.
/// </summary>
public sealed class ModelPathTests : IAsyncLifetime
{
    private static readonly BatchItem Account = BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(ReferenceSamples.BatchLines()[0])).Item!;
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_good_answer_takes_one_call_with_a_strict_schema_and_costs_its_tokens_to_the_cent()
    {
        _emulator.ReportUsage(Student, new EmulatedUsage(PromptTokens: 1_200, CompletionTokens: 80, CachedTokens: 200));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(RulesExtractor.Extract(Account.LiabilityType, Account.Source.Text), answer.Fields);
        Assert.Equal(Student, answer.Model);
        var attempt = Assert.Single(answer.Attempts);
        Assert.Equal((AttemptOutcomes.Ok, 200), (attempt.Outcome, attempt.StatusCode));
        Assert.Equal(new TokenUsage(1_200, 80), answer.Usage);
        Assert.Equal((1_000 * 0.20m + 200 * 0.05m + 80 * 0.80m) / 1_000_000m, answer.CostUsd);
        var call = Assert.Single(_emulator.Calls);
        Assert.True(call.AzureRoute);
        Assert.Equal(ApiKey, call.ApiKey);
        var format = call.Body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(Core.Contracts.FieldCatalog.All.Count, format.GetProperty("json_schema").GetProperty("schema").GetProperty("required").GetArrayLength());
        Assert.DoesNotContain(ApiKey, attempt.Request, StringComparison.Ordinal);
        Assert.Contains(ExtractionPrompt.Version, attempt.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_student_is_cut_at_its_deadline_and_the_teacher_answers_within_both_deadlines()
    {
        _emulator.Script(Student, Behaviour.Slow(TimeSpan.FromSeconds(10)));
        var settings = Settings(_emulator);
        settings["Model:TimeoutMs"] = "400";
        var clock = Stopwatch.StartNew();

        var answer = await ModelUnderTest.Create(settings).ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.NotNull(answer.Fields);
        Assert.Equal([AttemptOutcomes.Timeout, AttemptOutcomes.Ok], answer.Attempts.Select(a => a.Outcome));
        Assert.InRange(clock.ElapsedMilliseconds, 400, 400 + 3_000);
        Assert.InRange(answer.Attempts[0].LatencyMs, 380, 1_500);
    }

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_retried_after_that_wait_and_succeeds()
    {
        _emulator.Script(Student, Behaviour.RateLimited(retryAfterMs: 150));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Student, answer.Model);
        Assert.Equal([AttemptOutcomes.RateLimited, AttemptOutcomes.Ok], answer.Attempts.Select(a => a.Outcome));
        var calls = _emulator.Calls.ToArray();
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(140), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.Equal(0, _emulator.CallsTo(Teacher));
    }

    [Fact]
    public async Task A_retry_after_in_seconds_is_honoured_too()
    {
        _emulator.Script(Student, Behaviour.RateLimitedSeconds(1));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Student, answer.Model);
        var calls = _emulator.Calls.ToArray();
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_429_whose_retry_after_passes_the_deadline_goes_to_the_teacher_without_waiting()
    {
        _emulator.Script(Student, Behaviour.RateLimited(retryAfterMs: 60_000));
        var clock = Stopwatch.StartNew();

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.Equal([AttemptOutcomes.RateLimited, AttemptOutcomes.Ok], answer.Attempts.Select(a => a.Outcome));
        // Sized for the claim, not for an idle machine: waiting would last the student's whole 10 s timeout.
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_the_teacher_answers()
    {
        _emulator.Default(Student, Behaviour.ServerError(503));
        // The retries' count is the point, not the deadline: room enough that a busy machine cannot cut the third.
        var settings = Settings(_emulator);
        settings["Model:TimeoutMs"] = "10000";

        var answer = await ModelUnderTest.Create(settings).ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.Equal(3, _emulator.CallsTo(Student));
        Assert.Equal(4, answer.Attempts.Count);
        Assert.All(answer.Attempts.Take(3), a => Assert.Equal((AttemptOutcomes.ServerError, 503), (a.Outcome, a.StatusCode)));
    }

    [Theory]
    [InlineData("{\"payoffAmount\": 12", "not valid JSON")]
    [InlineData("{\"payoffAmount\": 1}", "missing key payoffGoodThrough")]
    public Task Unusable_student_output_is_not_retried_and_the_teacher_answers(string content, string problem) => TeacherAnswersAfterUnusableAsync(content, problem);

    [Theory]
    [InlineData("payoffAmount", "$10,028.70", "payoffAmount must be a number")]
    [InlineData("payoffGoodThrough", "04/03/2026", "payoffGoodThrough must be a yyyy-MM-dd date")]
    [InlineData("accountLast4", "39", "accountLast4 must be a string of exactly 4 digits")]
    public Task A_field_in_the_wrong_form_makes_the_student_answer_unusable_and_the_teacher_answers(string field, string value, string problem) =>
        TeacherAnswersAfterUnusableAsync(Core.Tests.FieldsJson.Of((field, value)), problem);

    private async Task TeacherAnswersAfterUnusableAsync(string content, string problem)
    {
        _emulator.Script(Student, Behaviour.Raw(content));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.Equal(AttemptOutcomes.InvalidOutput, answer.Attempts[0].Outcome);
        Assert.Contains(problem, answer.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.CallsTo(Student));
    }

    [Fact]
    public async Task A_completion_cut_by_the_content_filter_is_unusable_and_the_teacher_answers()
    {
        _emulator.Script(Student, Behaviour.CompletionFiltered);

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.Equal(AttemptOutcomes.CompletionFiltered, answer.Attempts[0].Outcome);
    }

    [Fact]
    public async Task A_prompt_refused_by_the_content_filter_is_neither_retried_nor_sent_to_the_teacher()
    {
        _emulator.Script(Student, Behaviour.PromptFiltered);

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Null(answer.Fields);
        Assert.Null(answer.Model);
        Assert.Contains("content filter", answer.FailureReason, StringComparison.Ordinal);
        Assert.Equal((1, 0), (_emulator.CallsTo(Student), _emulator.CallsTo(Teacher)));
        var result = ResultFactory.FromAnswer(Account.AccountId, answer, "raw/x.json");
        Assert.Equal(ResultStatus.Failed, result.Status);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Without_a_teacher_an_unusable_student_answer_fails_with_a_reason()
    {
        _emulator.Script(Student, Behaviour.Raw("I cannot help with that."));
        var settings = Settings(_emulator);
        settings.Remove("Model:TeacherDeployment");

        var answer = await ModelUnderTest.Create(settings).ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Null(answer.Fields);
        Assert.Contains("no teacher is configured", answer.FailureReason, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", answer.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_and_tokens_add_up_over_every_attempt_fallback_included()
    {
        _emulator.Script(Student, Behaviour.Raw("{broken"));
        _emulator.ReportUsage(Student, new EmulatedUsage(1_000, 10));
        _emulator.ReportUsage(Teacher, new EmulatedUsage(1_100, 120));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        var student = (1_000 * 0.20m + 10 * 0.80m) / 1_000_000m;
        var teacher = (1_100 * 2.50m + 120 * 10.00m) / 1_000_000m;
        Assert.Equal(student + teacher, answer.CostUsd);
        Assert.Equal(new TokenUsage(2_100, 130), answer.Usage);
        var result = ResultFactory.FromAnswer(Account.AccountId, answer, "raw/x.json");
        Assert.Equal((2, Teacher, student + teacher), (result.Attempts, result.Model, result.CostUsd));
    }

    [Fact]
    public async Task The_openai_compatible_provider_takes_the_same_path_on_the_plain_route()
    {
        var answer = await ModelUnderTest.Create(Settings(_emulator, ModelOptions.OpenAICompatible)).ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Student, answer.Model);
        var call = Assert.Single(_emulator.Calls);
        Assert.False(call.AzureRoute);
        Assert.True(call.HasBearerToken);
        Assert.Equal(Student, call.Body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_student_answer_that_fails_a_check_goes_to_the_teacher_whose_checked_answer_is_used()
    {
        _emulator.Script(Student, Behaviour.Corrupt(f => f with { PayoffAmount = f.PayoffAmount + 100m }));

        var answer = await Model().ExtractAsync(Account, AccountContext.Unbounded);

        Assert.Equal(Teacher, answer.Model);
        Assert.All(answer.Checks!, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(ResultStatus.Extracted, ResultFactory.FromAnswer(Account.AccountId, answer, "raw/x.json").Status);
        Assert.Equal(2, answer.Attempts.Count);
    }

    [Fact]
    public async Task Without_a_teacher_an_answer_that_fails_a_check_ends_needs_review_naming_the_check()
    {
        _emulator.Script(Student, Behaviour.Corrupt(f => f with { PayoffAmount = f.PayoffAmount + 100m }));
        var settings = Settings(_emulator);
        settings.Remove("Model:TeacherDeployment");

        var answer = await ModelUnderTest.Create(settings).ExtractAsync(Account, AccountContext.Unbounded);
        var result = ResultFactory.FromAnswer(Account.AccountId, answer, "raw/x.json");

        Assert.Equal((ResultStatus.NeedsReview, Student), (result.Status, result.Model));
        Assert.Contains(result.Checks, c => c is { Name: "grounded", Passed: false });
        Assert.Contains(result.Checks, c => c is { Name: "second_opinion", Passed: false });
        Assert.Contains("A person should check payoffAmount: grounded: payoffAmount 10,128.70 is written nowhere in the document, in any form", result.Reason, StringComparison.Ordinal);
        Assert.Contains("The teacher was not asked: no teacher is configured.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_teacher_also_fails_its_checks_the_teachers_answer_goes_to_review()
    {
        _emulator.Script(Student, Behaviour.Corrupt(f => f with { PerDiem = 9.99m }));
        _emulator.Script(Teacher, Behaviour.Corrupt(f => f with { AccountLast4 = "0000" }));

        var result = ResultFactory.FromAnswer(Account.AccountId, await Model().ExtractAsync(Account, AccountContext.Unbounded), "raw/x.json");

        Assert.Equal((ResultStatus.NeedsReview, Teacher, "0000"), (result.Status, result.Model, result.Fields!.AccountLast4));
        Assert.Contains("accountLast4 0000 is written nowhere in the document", result.Reason, StringComparison.Ordinal);
    }

    private IExtractionModel Model() => ModelUnderTest.Create(Settings(_emulator));
}
