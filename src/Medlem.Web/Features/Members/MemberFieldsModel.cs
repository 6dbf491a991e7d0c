namespace Medlem.Web.Features.Members;

/// <summary>The model of the shared person-fields partial.</summary>
public sealed record MemberFieldsModel(MemberForm Form, string NinLabel);
