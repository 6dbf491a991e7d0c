using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Members.Accounts;

internal sealed class MemberAccountConfiguration : IEntityTypeConfiguration<MemberAccount>
{
    public void Configure(EntityTypeBuilder<MemberAccount> account)
    {
        account.HasKey(a => a.PersonId);
        // Erasing the person erases how they signed in.
        account.HasOne<Person>().WithOne().HasForeignKey<MemberAccount>(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        account.Property(a => a.PinHash).HasMaxLength(200);
        account.Property(a => a.PasswordHash).HasMaxLength(200);
        account.Property(a => a.ElectronicIdSubject).HasMaxLength(64);
        account.HasIndex(a => a.ElectronicIdSubject).IsUnique();
    }
}

internal sealed class MemberLinkConfiguration : IEntityTypeConfiguration<MemberLink>
{
    public void Configure(EntityTypeBuilder<MemberLink> link)
    {
        link.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Membership>().WithMany().HasForeignKey(l => l.MembershipId).OnDelete(DeleteBehavior.Cascade);
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.Property(l => l.SentTo).HasMaxLength(320);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => new { l.PersonId, l.Purpose });
    }
}
