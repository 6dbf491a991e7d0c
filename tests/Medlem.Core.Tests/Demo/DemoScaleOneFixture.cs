using Medlem.Core.Demo;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>The consortium at scale 1, generated once (a few seconds) for the calibration and invariant tests.</summary>
public sealed class DemoScaleOneFixture
{
    public const int Seed = 20260301;

    public static readonly DateOnly Today = new(2026, 3, 1);

    public DemoData Data { get; } = DemoGenerator.Generate(1.0, Seed, Today);
}

[CollectionDefinition(Name)]
public sealed class DemoScaleOneGroup : ICollectionFixture<DemoScaleOneFixture>
{
    public const string Name = "demo consortium at scale 1";
}
