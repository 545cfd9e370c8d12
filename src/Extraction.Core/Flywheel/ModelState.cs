using Extraction.Core.Contracts;

namespace Extraction.Core.Flywheel;

/// <summary>Where a model row stands; stored and printed by its snake_case name (<c>rolled_back</c>).</summary>
public enum ModelState
{
    /// <summary>Files uploaded, job created; the provider is training.</summary>
    Training,

    /// <summary>The job succeeded; its candidate deployment is being made.</summary>
    Deploying,

    /// <summary>Deployed; waiting for the gate (and its shadow sample).</summary>
    Evaluating,

    /// <summary>The job failed or the upload was refused; <see cref="ModelRecord.Reason"/> says why.</summary>
    Failed,

    /// <summary>The gate said no; its figures say why.</summary>
    Refused,

    /// <summary>The gate said yes; waiting for <c>extract models promote</c> (<c>Training:Gate:AutoPromote=false</c>).</summary>
    Passed,

    /// <summary>The student now.</summary>
    Active,

    /// <summary>Was the student until another was promoted.</summary>
    Retired,

    /// <summary>Was the student until a rollback took it away.</summary>
    RolledBack,
}

/// <summary>The moves between <see cref="ModelState"/>s the loop may make; a row is never written along any other.</summary>
public static class ModelStates
{
    private static readonly Dictionary<ModelState, ModelState[]> Moves = new()
    {
        [ModelState.Training] = [ModelState.Deploying, ModelState.Failed],
        [ModelState.Deploying] = [ModelState.Evaluating, ModelState.Failed],
        [ModelState.Evaluating] = [ModelState.Passed, ModelState.Refused],
        [ModelState.Passed] = [ModelState.Active],
        [ModelState.Refused] = [],
        [ModelState.Failed] = [],

        // A promotion that lost the pointer to another is retired at once; a rollback returns to the one before.
        [ModelState.Active] = [ModelState.Retired, ModelState.RolledBack],
        [ModelState.Retired] = [ModelState.Active],
        [ModelState.RolledBack] = [ModelState.Active],
    };

    /// <summary>Whether a row may go from <paramref name="from"/> to <paramref name="to"/>; staying (with new details) always may.</summary>
    public static bool CanMove(ModelState from, ModelState to) => from == to || Moves[from].Contains(to);

    /// <summary>The states a row may leave <paramref name="from"/> for.</summary>
    public static IReadOnlyList<ModelState> From(ModelState from) => Moves[from];

    public static string Name(this ModelState state) => ContractJson.WireName(state);

    public static ModelState Parse(string? name) => ContractJson.ParseWireName<ModelState>(name);
}
