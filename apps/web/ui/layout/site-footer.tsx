import styles from './site-footer.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <p>Musicapp — albums, songs, playlists and live shows.</p>
      </div>
    </footer>
  );
}
