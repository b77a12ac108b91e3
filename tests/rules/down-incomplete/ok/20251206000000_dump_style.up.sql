CREATE SEQUENCE public.jobs_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.jobs (
    id integer DEFAULT nextval('public.jobs_id_seq'::regclass) NOT NULL,
    name text NOT NULL
);
ALTER SEQUENCE public.jobs_id_seq OWNED BY public.jobs.id;
ALTER TABLE ONLY public.jobs ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);
