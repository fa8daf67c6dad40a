package dev.coachkit.adapters.persistence.admin;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNT_TOKENS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ANNOTATIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.AVAILABILITIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.CALENDAR_TOKENS;
import static dev.coachkit.adapters.persistence.jooq.Tables.IDEMPOTENCY_KEYS;
import static dev.coachkit.adapters.persistence.jooq.Tables.COMMENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.INVITATIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEDIA_ASSETS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEMBERSHIPS;
import static dev.coachkit.adapters.persistence.jooq.Tables.NOTIFICATIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ORDERS;
import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.POSTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_FAMILIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACE_MEMBERS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.domain.admin.ContentErasure;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One statement per table that holds a member's data, all in the running tenant transaction, so the
 * erasure commits whole or not at all. Row-level security keeps every statement inside the tenant;
 * the explicit tenant conditions let the indexes serve them.
 */
public final class PostgresMemberDataEraser implements MemberDataEraser {

    private final TenantTransactions transactions;

    public PostgresMemberDataEraser(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Erased erase(AccountId member, EmailAddress email, ContentErasure contentPolicy, AccountId formerMember,
            Instant now) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        DSLContext sql = bound.dsl();
        UUID tenant = bound.tenant().value();
        UUID account = member.value();
        sql.deleteFrom(SPACE_MEMBERS).where(SPACE_MEMBERS.TENANT_ID.eq(tenant), SPACE_MEMBERS.ACCOUNT_ID.eq(account))
                .execute();
        sql.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(tenant), MEMBERSHIPS.ACCOUNT_ID.eq(account))
                .execute();
        // the member's sessions in the tenant, with the addresses and user agents they kept; their refresh
        // tokens go with them (on delete cascade), so none of them works any more
        sql.deleteFrom(REFRESH_FAMILIES).where(REFRESH_FAMILIES.ACCOUNT_ID.eq(account),
                REFRESH_FAMILIES.SESSION_TENANT_ID.eq(tenant)).execute();
        sql.deleteFrom(CALENDAR_TOKENS).where(CALENDAR_TOKENS.TENANT_ID.eq(tenant),
                CALENDAR_TOKENS.ACCOUNT_ID.eq(account)).execute();
        // stored answers to the member's retried requests hold what they wrote
        sql.deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenant),
                IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(account)).execute();
        sql.deleteFrom(AVAILABILITIES).where(AVAILABILITIES.TENANT_ID.eq(tenant), AVAILABILITIES.COACH_ID.eq(account))
                .execute();
        sql.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.TENANT_ID.eq(tenant), NOTIFICATIONS.RECIPIENT_ID.eq(account))
                .execute();
        sql.deleteFrom(INVITATIONS).where(INVITATIONS.TENANT_ID.eq(tenant), INVITATIONS.EMAIL.eq(email.value()))
                .execute();
        // what they wrote on others' media; annotations on their own media go with it (on delete cascade)
        sql.deleteFrom(ANNOTATIONS).where(ANNOTATIONS.TENANT_ID.eq(tenant), ANNOTATIONS.AUTHOR_ID.eq(account))
                .execute();
        // events naming the person: the invitation e-mail's, those with them as author, member, uploader or
        // post author, their notifications'
        sql.deleteFrom(OUTBOX_EVENTS).where(OUTBOX_EVENTS.TENANT_ID.eq(tenant), payloadField("email").eq(email.value())
                .or(payloadField("authorId").eq(account.toString()))
                .or(payloadField("recipientId").eq(account.toString()))
                .or(payloadField("postAuthorId").eq(account.toString()))
                .or(payloadField("accountId").eq(account.toString()))
                .or(payloadField("uploaderId").eq(account.toString()))
                .or(DSL.condition("({0} -> {1}) @> {2}::jsonb", OUTBOX_EVENTS.PAYLOAD, DSL.val("postAuthorIds"),
                        DSL.val("[\"" + account + "\"]")))).execute();
        // orders, lots and ledger entries are financial records the law makes us keep: they stay, naming the
        // erased account's id only, without the e-mail address the checkout copied
        sql.update(ORDERS).setNull(ORDERS.BUYER_EMAIL).where(ORDERS.TENANT_ID.eq(tenant), ORDERS.BUYER_ID.eq(account))
                .execute();
        eraseContent(sql, tenant, account, contentPolicy, formerMember.value());
        List<UUID> media = sql.deleteFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.TENANT_ID.eq(tenant), MEDIA_ASSETS.UPLOADER_ID.eq(account))
                .returning(MEDIA_ASSETS.ID).fetch(MEDIA_ASSETS.ID);
        if (!media.isEmpty()) {
            // an account kept for its other tenants shows no avatar that went with this tenant's media
            sql.update(ACCOUNTS).setNull(ACCOUNTS.AVATAR_MEDIA_ID)
                    .where(ACCOUNTS.ID.eq(account), ACCOUNTS.AVATAR_MEDIA_ID.in(media)).execute();
        }
        boolean accountErased = eraseAccountWithoutOtherMemberships(sql, member, email);
        return new Erased(media, accountErased);
    }

    private static Field<String> payloadField(String name) {
        return DSL.field("{0} ->> {1}", String.class, OUTBOX_EVENTS.PAYLOAD, DSL.val(name));
    }

    private static void eraseContent(DSLContext sql, UUID tenant, UUID account, ContentErasure policy,
            UUID formerMember) {
        if (policy == ContentErasure.DELETE) {
            sql.deleteFrom(COMMENTS).where(COMMENTS.TENANT_ID.eq(tenant), COMMENTS.AUTHOR_ID.eq(account)
                    .or(COMMENTS.POST_ID.in(DSL.select(POSTS.ID).from(POSTS)
                            .where(POSTS.TENANT_ID.eq(tenant), POSTS.AUTHOR_ID.eq(account))))).execute();
            sql.deleteFrom(POSTS).where(POSTS.TENANT_ID.eq(tenant), POSTS.AUTHOR_ID.eq(account)).execute();
        } else {
            sql.update(POSTS).set(POSTS.AUTHOR_ID, formerMember)
                    .where(POSTS.TENANT_ID.eq(tenant), POSTS.AUTHOR_ID.eq(account)).execute();
            sql.update(COMMENTS).set(COMMENTS.AUTHOR_ID, formerMember)
                    .where(COMMENTS.TENANT_ID.eq(tenant), COMMENTS.AUTHOR_ID.eq(account)).execute();
        }
    }

    /** The account row is global: it keeps its data while another tenant still has the person as a member. */
    private static boolean eraseAccountWithoutOtherMemberships(DSLContext sql, AccountId member, EmailAddress email) {
        int elsewhere = sql.fetchCount(DSL.table("account_memberships({0})", DSL.val(member.value())));
        if (elsewhere > 0) {
            return false;
        }
        sql.update(ACCOUNTS).set(Map.of(ACCOUNTS.EMAIL, Account.erasedEmail(member).value(),
                        ACCOUNTS.FIRST_NAME, Account.ERASED_NAME.firstName(),
                        ACCOUNTS.LAST_NAME, Account.ERASED_NAME.lastName(),
                        ACCOUNTS.PASSWORD_HASH, Account.ERASED_PASSWORD_HASH,
                        ACCOUNTS.TIME_ZONE, IanaTimeZone.UTC.id(), ACCOUNTS.EMAIL_VERIFIED, false))
                .setNull(ACCOUNTS.AVATAR_MEDIA_ID)
                .where(ACCOUNTS.ID.eq(member.value())).execute();
        // the reset and verification links mailed to the address: global rows that name it
        sql.deleteFrom(ACCOUNT_TOKENS).where(ACCOUNT_TOKENS.ACCOUNT_ID.eq(member.value())
                .or(ACCOUNT_TOKENS.EMAIL.eq(email.value()))).execute();
        return true;
    }
}
