package com.switchboard.channel;

/**
 * A channel's daily spend budget today: {@code perDay} {@code unit}s (SMS segments, WhatsApp
 * messages), how many the servers have reserved so far, and whether it is spent.
 */
public record DailyBudget(long perDay, String unit, long reserved, boolean exhausted) {

    /** Where a channel's budget is read (the limits package keeps the budgets). */
    public interface Source {
        java.util.Optional<DailyBudget> today(Channel channel);
    }
}
