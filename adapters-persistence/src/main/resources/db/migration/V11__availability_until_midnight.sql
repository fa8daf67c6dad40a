-- A slot may run until midnight (written 24:00 in the API). The domain holds that end as 00:00, so
-- an end of 00:00 means the end of the day and is after every start of that day.
ALTER TABLE availability_slots DROP CONSTRAINT availability_slots_check;
ALTER TABLE availability_slots ADD CONSTRAINT availability_slots_end_after_start
    CHECK (end_time > start_time OR end_time = '00:00');
