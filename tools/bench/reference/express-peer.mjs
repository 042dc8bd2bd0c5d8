// A peer measured in the same run as the api: plain Express 5 + mysql2 with no knex, no middleware
// and no logging, running the api's album query (the ceiling of this stack on this machine). Its
// GET /songs does what the original musicapp backend did: every song loaded per request and filtered
// in the process. `node reference/express-peer.mjs <port>` with the MySQL connection options as JSON
// in BENCH_PEER_MYSQL; listens on loopback until killed.
import express from 'express';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ ...JSON.parse(process.env.BENCH_PEER_MYSQL ?? '{}'), connectionLimit: 10 });
const app = express();
app.set('etag', false);

app.get('/albums/:id', async (req, res) => {
  const [rows] = await pool.query(
    'select a.id, a.name, a.year, s.id as song_id, s.title, s.performer from albums a left join songs s on s.album_id = a.id where a.id = ? order by s.title, s.id',
    [req.params.id],
  );
  const [first] = rows;
  const songs = rows.map((r) => ({ id: r.song_id, title: r.title, performer: r.performer }));
  res.json({
    status: 'success',
    data: { album: { id: first.id, name: first.name, year: first.year, songs } },
  });
});

app.get('/songs', async (req, res) => {
  const [rows] = await pool.query('select id, title, performer from songs');
  const term = String(req.query.title ?? '').toLowerCase();
  res.json({ status: 'success', data: { songs: rows.filter((r) => r.title.toLowerCase().includes(term)) } });
});

app.listen(Number(process.argv[2]), '127.0.0.1');
