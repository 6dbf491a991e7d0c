namespace Medlem.Core.Members;

/// <summary>Limits on what a member record may hold; shared by validation and the database schema.</summary>
public static partial class MemberInput
{
    public const int MaxNameLength = 100;
}
