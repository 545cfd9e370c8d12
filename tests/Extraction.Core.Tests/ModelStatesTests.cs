using Extraction.Core.Flywheel;

namespace Extraction.Core.Tests;

public sealed class ModelStatesTests
{
    [Fact]
    public void Every_state_is_reached_from_training_by_the_moves_the_loop_makes()
    {
        var reached = new HashSet<ModelState> { ModelState.Training };
        var frontier = new Queue<ModelState>(reached);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var next in ModelStates.From(state).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        Assert.Equal(Enum.GetValues<ModelState>().Order(), reached.Order());
    }

    [Theory]
    [InlineData(ModelState.Training, ModelState.Active)]
    [InlineData(ModelState.Failed, ModelState.Training)]
    [InlineData(ModelState.Refused, ModelState.Passed)]
    [InlineData(ModelState.Evaluating, ModelState.Active)]
    [InlineData(ModelState.Retired, ModelState.RolledBack)]
    public void A_move_that_skips_a_step_or_leaves_an_end_is_refused(ModelState from, ModelState to)
    {
        Assert.False(ModelStates.CanMove(from, to));
        Assert.True(ModelStates.CanMove(from, from));
    }

    [Fact]
    public void Only_failed_and_refused_are_ends_and_every_student_can_serve_again()
    {
        Assert.Equal([ModelState.Failed, ModelState.Refused], Enum.GetValues<ModelState>().Where(s => ModelStates.From(s).Count == 0).Order());
        Assert.All([ModelState.Passed, ModelState.Retired, ModelState.RolledBack], s => Assert.True(ModelStates.CanMove(s, ModelState.Active)));
    }

    [Fact]
    public void Stored_names_are_the_ones_rows_already_hold_and_an_unknown_one_is_named()
    {
        // Rows written before the enum hold these strings; a rename would strand them.
        Assert.Equal(
            ["training", "deploying", "evaluating", "failed", "refused", "passed", "active", "retired", "rolled_back"],
            Enum.GetValues<ModelState>().Select(s => s.Name()));
        Assert.All(Enum.GetValues<ModelState>(), s => Assert.Equal(s, ModelStates.Parse(s.Name())));
        Assert.Contains("'promoted'", Assert.Throws<InvalidDataException>(() => ModelStates.Parse("promoted")).Message, StringComparison.Ordinal);
    }
}
